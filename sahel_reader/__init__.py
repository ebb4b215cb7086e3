"""sahel-reader: read several reports of one news event side by side."""

__version__ = "0.1.0"

"""The Textual reader: app, screens, widgets and commands. Imports story and highlighters, never the reverse."""

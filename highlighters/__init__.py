"""Text in, spans out: sentences, figures, quotations, attribution, boilerplate.

Pure functions over strings. Nothing here does I/O or knows about the UI, and nothing here
imports the rest of the project (a test keeps it so).
"""

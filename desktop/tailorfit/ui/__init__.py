"""The PySide6 window. The only package that imports Qt; it adds no analysis of its own."""

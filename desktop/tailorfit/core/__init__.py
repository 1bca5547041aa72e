"""Pure-Python core: readers, document model, parsing, lexicon, matching and export.

Nothing in this package imports Qt; an import-linter contract enforces it.
"""

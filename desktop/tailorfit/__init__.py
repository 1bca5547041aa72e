"""Tailorfit: tailor a resume to a job posting, offline and requirement by requirement."""

__version__ = "0.1.0"

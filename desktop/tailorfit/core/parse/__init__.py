"""Structure parsing for postings and resumes."""

from __future__ import annotations

import re

from tailorfit.core.model import Document

_RESUME_SIGNS = re.compile(
    r"\b(?:work experience|professional experience|employment history|education|skills|"
    r"certifications|summary|objective|references)\b|@[\w-]+\.\w+|\(\d{3}\)\s?\d{3}-\d{4}",
    re.IGNORECASE)
_POSTING_SIGNS = re.compile(
    r"\b(?:requirements?|qualifications|responsibilities|we are looking for|you will|"
    r"you'll|what you|who you are|nice to have|preferred|benefits|apply|salary|"
    r"the ideal candidate|job description|about the role|about us|we offer|equal opportunity)\b",
    re.IGNORECASE)


def guess_kind(document: Document) -> str:
    """'posting' or 'resume', judged from the words a document uses."""
    text = document.text[:20000]
    resume = len(_RESUME_SIGNS.findall(text))
    posting = len(_POSTING_SIGNS.findall(text))
    first_person_past = len(re.findall(r"(?m)^\W*(?:led|built|designed|developed|managed|"
                                       r"implemented|created|improved)\b", text, re.IGNORECASE))
    return "resume" if resume + first_person_past > posting else "posting"

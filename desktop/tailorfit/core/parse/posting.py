"""Job postings: sections, requirement items with their strength, kind and details.

The parser works on "units": one per block, except that very long blocks (a posting pasted
as one line) are split at inline bullets and inline headings. Every item keeps its exact
offsets in the document's analysed text, so it maps back to the source.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tailorfit.core.kinds import PostingSection as PostingSection
from tailorfit.core.kinds import RequirementKind as RequirementKind
from tailorfit.core.kinds import Strength as Strength
from tailorfit.core.lemmas import verb_lemmas
from tailorfit.core.model import BlockKind, Document
from tailorfit.core.parse.details import (
    DegreeDetail,
    DegreeLevel,
    YearsDetail,
    parse_degree,
    parse_years,
)
from tailorfit.core.parse.headings import classify_heading, looks_like_heading
from tailorfit.core.parse.vocab import JOB_TITLE, PREFERRED_EXTRA, URL, Folded

_CUES: list[tuple[PostingSection, re.Pattern[str]]] = [
    (PostingSection.OTHER, re.compile(
        r"how to apply|application (?:process|deadline|instructions)|selection process|"
        r"process notes|selective certification|equal (?:employment )?opportunity|\beeo\b|"
        r"disclaimer|where to apply|examination|notes?\b|conditions of employment|"
        r"where you(?:'ll| will) be|work(?:ing)? environment|physical demands|position type|"
        r"additional information|working conditions|work schedule|contact(?: us| information)?\b|"
        r"job location|work location|start-up|start date|application\b|applying|"
        # when the work happens: "Working days and times:", "Hours of work"
        r"working (?:days|hours|times?)|work(?:ing)? days|hours of work|opening hours|"
        # a university ad's closing sections: "Assessment", "Approval and Enrolment",
        # "Further information"
        r"^assessment(?: process| procedure)?$|enrol?lment|(?:further|more) information")),
    (PostingSection.PREFERRED, re.compile(
        r"nice[- ]to[- ]haves?|good[- ]to[- ]haves?|great[- ]to[- ]haves?|preferred|bonus(?: points)?|"
        r"\bpluses\b|\ba plus\b|desired|desirable|\bideally\b|extra credit|stand out|even better|"
        r"brownie points|optional|extra points")),
    (PostingSection.BENEFITS, re.compile(
        r"benefits?|perks|what we offer|we offer|what(?:'s| is) in it for you|compensation|"
        r"salary|\bpay\b|total rewards|rewards|why (?:join|work (?:with|for|at))|why you'll love|"
        r"why us\b|why choose us|"
        r"what this job offers|our offer|we provide|life at|(?:top )?reasons to (?:work|join)|"
        r"remuneration|we can offer|we(?: will)? offer you|terms of (?:salary and )?employment|"
        r"(?:salary|pay) and (?:terms|conditions)|employment terms|terms and conditions|"
        r"awaits? you|awaiting you|what's in store|in return|appointment terms|your opportunities|"
        r"^working (?:at|for|with) (?:us|<organization>)|reimburse\w*|commuter|"
        r"^joining (?:the |our )?(?:<organization>|us)(?:\s.*)?$|"
        r"terms of appointment")),
    (PostingSection.REQUIREMENTS, re.compile(
        r"educational background|requirements?|required|qualifications?|minimum|basic|must[- ]haves?|"
        r"person(?:al)? specification|"
        r"what you(?:'ll| will)? (?:need|bring|have|know|offer)|(?:what|who) we(?:'re| are) looking for|"
        r"who you are|(?:necessary |essential |key )?prerequisites|"
        r"you have|you should have|you bring|you'll bring|about you|your profile|your background|"
        r"your skills|your experience|skills?|experience|education|knowledge|abilities|"
        r"competenc(?:y|ies)|eligibility|the ideal candidate|ideal candidate|candidate profile|"
        r"what it takes|to be successful|expectations|prerequisites|profile|what you need|"
        r"need to succeed|you might be a fit|is this you|licen[sc]es?|certifications?|"
        r"\bneeded\b|you are|you're|we expect|what we ask|we ask (?:for|of you)|"
        r"the work requires|who are you|you will need|"
        r"we(?:'re| are) looking for (?:someone|a person|you)|you should|you must|must have|"
        r"languages?|language skills|personality|personal (?:skills|"
        r"qualities)|travel(?: activity| requirements)?")),
    (PostingSection.RESPONSIBILITIES, re.compile(
        r"responsibilit(?:y|ies)|duties|what you(?:'ll| will)? (?:do|be doing|work on)|the role|"
        r"your role|in this role|role description|day[- ]to[- ]day|your mission|the job|"
        r"job description|your impact|key tasks|\btasks\b|the work|role overview|the position|"
        r"position summary|job summary|accountabilities|essential functions|what you will")),
    (PostingSection.ABOUT, re.compile(
        r"about\b|facts about|who we are|(?:our|the) (?:mission|story|company|team|culture|"
        r"values)|research (?:group|environment)|project environment|"
        r"^join (?:us|(?:the|our) .*\b(?:team|family))$|"
        r"company (?:overview|description)|overview|introduction|the opportunity|description|"
        r"summary")),
]
_NOISE = re.compile(
    r"^(?:apply(?: now| for this job| on company website| here)?|easy apply|save(?: job)?|"
    r"share(?: this job)?|sign in|log ?in|sign up|upload (?:and match )?(?:your )?resume.*|"
    r"show (?:more|less)|see more|report (?:this )?job|similar jobs|all jobs|"
    r"back to (?:search|jobs)|view all (?:roles|jobs|openings)|skip to .*|.*\bcookies?\b.*|"
    r"accept(?: all)?|privacy policy.*|terms of (?:service|use).*|stand out from the crowd|"
    r".*\u00a9.*|.*\(c\) \d{4}.*|copyright.*|posted .*ago|\d+[dhw]\b.*|job type|career level|"
    r"number of employees|[\d,]+\s*-\s*[\d,]+ employees|full[- ]time|part[- ]time|"
    r"contract|hybrid|remote|on[- ]site|mid level|senior level|entry level|careers|home|"
    r"jobs|main|menu|search|open positions|locations?|teams?|department|workplace|type|"
    r"view job|learn more.*|get instant feedback.*|.*instant feedback on how well.*|"
    r"\*\*url:\*\*.*|url:.*|source url:.*|page \d+ of \d+|\d+\s*/\s*\d+|"
    # a job board's counters and dates: "Likes: 0 Dislikes: 0 Love: 0", "Date posted: ..."
    r"likes:\s*\d+.*|date posted:.*|posted on:?.*)$",
    re.IGNORECASE,
)
_SALARY = Folded(r"[$\u20ac\u00a3\u20b9]\s?\d[\d,.]*\s*[kK]?|\b\d+(?:\.\d+)?\s*(?:lpa|lakhs?|"
                     r"per annum|/yr|/hr|/hour|per hour|an hour|a year|k\s*-\s*\d+k)\b")
# Every branch opens with a letter, so the engine skips most positions ("eeo" is checked for
# a word start after matching).
_LEGAL = Folded(r"equal opportunity|e(?:eo|oe)\b(?<![\w]...)|regardless of (?:race|age|sex)|"
                    r"without regard to|reasonable accommodation|e-verify|drug[- ]free|affirmative action|"
                    r"does not discriminate|protected veteran")
_NICE_WORDS = Folded(r"^\W*(?:an? )?advantage\s*:|"
                         r"\b(?:preferred|preferably|we prefer|a plus|is a plus|are a plus|nice to have|"
                         r"(?:is|would be) ideal|but not necessary|"
                         r"(?:is|are|would be)(?: of course| also| very)? favou?rable|"
                         r"nice-to-have|bonus|ideally|desirable|desired|advantageous|would be "
                         r"(?:great|nice|a plus)|not required|good to have|"
                         r"(?:is|are|be|very|also|especially|really) (?:helpful|beneficial)|"
                         r"(?:helpful|beneficial)(?=\s*[.)!]?\s*$)|"
                         r"an? (?:absolute |big |real |great |clear |definite |distinct )?"
                         r"(?:plus|advantage|asset)|"
                         r"highly preferred|strongly preferred|(?:is|are) (?:highly |greatly |much )?"
                         r"valued)\b")
_MUST_WORDS = Folded(r"\b(?:required|must|mandatory|minimum|essential|at least|"
                         r"need to have|necessary)\b")
_CERT_WORDS = Folded(r"certif\w*|licen[sc]\w*|\bregistered nurse\b|\b(?:RN|LPN|BLS|ACLS|PALS|"
                         r"CPR|CPA|CMA|CFA|PMP|CISSP|CCNA|CDL)\b|credential|"
                         # a clearance is a credential (TS/SCI, security, "obtain a clearance"),
                         # customs or site clearance is work
                         r"(?<!customs )(?<!site )(?<!export )(?<!import )clearance|"
                         r"driver'?s license|"
                         # a permit to do the work ("Food Handler's permit"), not to work here
                         r"(?<!work )(?<!residence )(?<!residency )(?<!parking )\bpermits?\b")
_SOFT_WORDS = Folded(
    r"communicat\w*|interpersonal|team ?work|team player|collaborat\w*|leadership|"
    r"\blead(?:ing)? (?:a )?teams?|mentor\w*|problem[- ]solving|attention to detail|"
    r"detail[- ]oriented|self[- ]motivated|self[- ]starter|organi[sz]ational|time management|"
    r"work independently|independently|adaptab\w*|flexib\w*|positive attitude|work ethic|"
    r"fast[- ]paced|multi-?task\w*|creativ\w*|passion\w*|curious|curiosity|empath\w*|"
    r"customer[- ]focused|ownership|proactive|initiative|presentation skills|negotiat\w*|"
    r"critical thinking|analytical skills|judg(?:e)?ment|integrity|professionalism|patien(?:t|ce)")
_SKILL_WORDS = Folded(
    r"experience (?:with|in|using|of|building|designing|developing)|knowledge of|proficien\w*|"
    r"familiar\w*|expert\w*|hands-on|understanding of|skills? (?:in|with)|working knowledge|"
    r"programming|software|tools?|frameworks?|languages?|systems?|technolog\w*|platforms?|"
    r"databases?|\bsql\b|cloud|design|development|engineering|analysis|analytics|data\b")
_REQUIREMENT_SENTENCE = re.compile(
    r"\b(?:\d+\+?\s*(?:-\s*\d+\s*)?\+?\s*(?:years?|yrs)|experience (?:with|in|of|using)|"
    r"experienced (?:in|with)|knowledge of|proficien\w*|familiar\w*|degree|bachelor|master'?s|"
    r"diploma|certif\w*|licen[sc]\w*|must (?:have|be|hold|possess)|required|requirements?|"
    r"should (?:have|be)|you (?:\w+ly )?(?:have|are|bring|possess|hold|know|remain)\b|you're\b|"
    r"abilit(?:y|ies) (?:to|in)|"
    r"able to|demonstrat\w* (?:the )?(?:abilit|skill|knowledge|proficien)|"
    r"skills? (?:in|with)|experience from|you (?:will )?(?:also )?need|you must|"
    r"expect (?:you|candidates?|applicants?) to|"
    r"expertise|background in|understanding of|fluen(?:t|cy)|candidates? (?:must|should|will)|"
    r"you (?:thrive|excel|enjoy|master|speak|understand)|are (?:eager|passionate) |"
    r"(?:is|are) (?:essential|needed|desirable)|would be considered|"
    r"(?:good|strong|excellent|solid) [\w ,]{0,30}skills|"
    r"graduat\w+ from|is (?:an )?(?:absolute )?"
    r"advantage|is preferred|are preferred|a plus|travel|speaking and writing)",
    re.IGNORECASE)
_SUBSTITUTION = Folded(r"may be substituted|is equivalent to \d|in lieu of the required|"
                           r"is responsible for")
# A line that describes the candidate, not the work: requirements filed under the duties.
# Tried at the start of the line only: one anchored pattern (an alternation of "^..." branches
# would be tried at every position).
_ASKS_AT_START = Folded(
    r"^\W*(?:"
    r"(?:(?:good|strong|solid|sound|thorough|excellent|deep|working|basic|proven|in-depth|"
    r"advanced|expert|extensive|practical)\s+)?"
    r"(?:knowledge|understanding|command|proficiency|familiarity|grasp)"
    r"(?:\s*(?:&|and)\s*(?:working\s+|hands-on\s+)?experience)?\s+(?:of|in|on|over|with)\b|"
    # what one can do or holds, not what one will do: "Ability to work in large teams",
    # "Competent with concurrent code", "BS/BA degree or equivalent experience"
    r"(?:proven |demonstrated )?abilit(?:y|ies) to\b|competent (?:with|in)\b|"
    r"(?:an? )?(?:bs|ba|bsc|msc|ms|ma|mba|phd|ph\.d\.?|b\.s\.|m\.s\.|bachelor'?s?|"
    r"master'?s?)(?:/\w+)?\s+(?:degree|in)\b|(?:university |college )?degree (?:in|or)\b|"
    r"(?:(?:you|candidates?|applicants?|the candidate|[a-z][\w.+#-]*\s+(?:developers?|"
    r"engineers?|analysts?|designers?))\s+)?(?:needs?|should|must)\s+(?:to\s+)?(?:have|possess|"
    r"be\s+able)\b|"
    r"(?:furthermore\s+)?(?:the candidate|candidates|applicants|you)\s+(?:must|should)\s+"
    r"(?:have|be|possess|hold)\b|we (?:prefer|require|expect)\b|"
    r"(?:additional\s+)?skill[- ]?sets?\s+(?:of|in)\b|"
    r"(?:relevant|prior|previous|proven)\b[^.]{0,120}\bexperience\b|"
    # requirement sentences that lost their heading ("The ideal candidate is ...", "You have
    # excellent communication skills")
    r"(?:they|candidates?) must be\b|the ideal candidate\b|you (?:will )?need to (?:have|be)\b|"
    r"you (?:also |further |furthermore )?have (?:an? )?(?:[\w-]+ ){0,3}(?:degree|experience|"
    r"knowledge|skills|background|"
    r"understanding|education|insight)\b|"
    r"(?:strong|excellent|good|solid|proven|extensive)\s+(?:[\w-]+\s+){0,3}(?:skills|"
    r"experience|knowledge|insight)\b|"
    # "Project management experience", not "Improve the customer experience"
    r"(?!.*\b(?:the|our|your|their|customer|user|guest|patient|client)\b)(?:[\w-]+ ){1,3}"
    r"experience\W*$)")
# ... and anywhere in it: "A research background ... is required" (each branch opens with a
# space, which the regex engine looks for first).
_ASKS_RATED = Folded(
    r" (?:is|are) (?:required|needed|desirable|essential|"
    r"a (?:definite |big |clear |great )?(?:advantage|plus|must))\b|"
    r" would be (?:preferred|an advantage|a plus)\b")


def clear_cache() -> None:
    """Forget per-line results (for timing a batch of postings that share no line)."""
    _legal.cache_clear()
    _item_of_line.cache_clear()
    _run_on_cuts.cache_clear()
    _inline_headings.cache_clear()


@lru_cache(maxsize=8192)
def _legal(text: str) -> bool:
    """EEO and legal text: asked of every line twice (as a unit and as an item), and of the
    same boilerplate in posting after posting."""
    return _LEGAL.search(text) is not None


# A sentence whose subject is the candidate ("You work in a structured manner", "Additionally
# you can tailor your communication"), not what the job will bring ("You will join", "You can
# expect").
_YOU_OPEN = Folded(r"^\W*(?:(?:additionally|also|furthermore|finally|moreover),?\s+)?you\b"
                   r"(?!\s+will\b(?!\s+need))(?!\s+(?:can|may) (?:expect|look forward))")


# A sentence (not a duty's bullet) that says what the candidate is, has or likes: "You are agile
# in a big organization", "Your working style is structured", "This demands the ability to work
# independently". Not what the candidate will do or answer for ("You are responsible for ...").
_DESCRIBES_CANDIDATE = Folded(
    r"^\W*(?:(?:additionally|also|furthermore|moreover),?\s+)?(?:you(?: also)?(?:'re| are| have| like| love| "
    r"enjoy| thrive| possess| master| speak| understand| know)\b"
    r"(?!.*\b(?:responsib\w*|in charge|accountable)\b)"
    # what the job gives: "You are welcome at ...", "You have the opportunity to ..."
    r"(?!\s+(?:never|not|welcome|invited|encouraged|entitled|offered|given|(?:the |an? )?"
    r"(?:opportunity|chance|possibility|option|freedom))\b)|"
    r"your (?:working style|personality|profile|background)\b|this (?:demands|requires) "
    r"(?:the ability|that you)\b|ideally (?:you|this is)\b|"
    r"(?:as .{0,80}? )?it is (?:important|essential|crucial|vital) that you\b)")


# Where the one hired will work, not what they must bring: "The successful candidate will join
# an international team", "The candidate will become a member of the Section for Genetics".
_JOINS = Folded(r"^\W*(?:the (?:successful |selected |new )?(?:candidate|applicant|person)|you) will "
                r"(?:join|become (?:a )?(?:member|part)|be (?:part of|a member|based|employed|"
                r"affiliated|placed|offered|working))\b")
# An item that describes the person by what they do: "Understands the challenges of cloud
# adoption ...", "Performs and accepts regular code reviews".
_PERSON_VERB = Folded(r"^\W*(?:understands|knows|has|possesses|holds|brings|demonstrates|performs|"
                      r"uses|takes|thrives|enjoys|communicates|speaks)\b")


def _about_candidate(text: str) -> bool:
    return _YOU_OPEN.search(text) is not None and _OFFERED.search(text) is None


def _asks_of_candidate(text: str) -> bool:
    """A line that describes the candidate, not the work: a requirement filed under duties."""
    return _ASKS_AT_START.search(text) is not None or _ASKS_RATED.search(text) is not None


_NOTE_REQUIREMENT = Folded(
    r"(?:requires?|required|must (?:have|possess|hold))\b.{0,40}\b(?:valid|current)\b.{0,60}"
    r"\b(?:licen[sc]e|certificat\w*|card)|\b(?:licen[sc]e|certification)\b.{0,80}\b(?:is|are) "
    r"(?:required|preferred|desired)|\b(?:experience|knowledge|certification|degree|course|"
    r"training)\b.{0,120}\b(?:is|are) (?:highly |strongly |especially )?(?:preferred|desired|"
    r"desirable|a plus)\b")
# A note that opens a list of preferences: "... in the following areas is highly preferred:".
_PREFERRED_LIST = Folded(r"\b(?:preferred|desired|desirable|a plus|an advantage)\s*:\s*$")
_MENU = Folded(r"\b(?:one or more|any|at least one) of the following\b")
_DEGREE_SUBSTITUTE = Folded(r"may be substituted|in lieu of|substitut\w* for")
_ROLE_SUBJECT = re.compile(r"^the\s+([\w\s()/&-]{3,80}?)\s+(?:is|will|shall)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%][.!?])\s+(?=[A-Z(\"'])")
# An item's bullet inside a flattened line; a round bullet may touch its word ("\u2022Strong").
# An ellipsis can stand for the bullet too ("will possess... ... 3-5 years ... knowledge of").
_INLINE_SPLIT = re.compile(r"\s(?=(?:[-\u2022*]|\d{1,2}[.)])\s+[A-Z]|\u2022[A-Z]|\.{3}\s+\S)")
_INLINE_BULLETS = re.compile(r"(?<=\s)(?:\u2022\s*[A-Z]|\.{3}\s+\S)")
_HEADING_FILLER = re.compile(r"\s+(?:for|this|the|our|your|of|with|us|position|role|job|team|"
                             r"you|to|&|and)\b")
# "About Acme", "Facts about <ORGANIZATION>", "Working at Acme": a heading over the company's
# own text.
_ABOUT_COMPANY = re.compile(
    r"^(?i:(?:(?:some )?facts |more )?about|working (?:at|for))\s+"
    r"[A-Z0-9<][\w&.'<>-]*(?:\s+[\w&.'<>-]+){0,3}:?$")
# Words that open requirement lines. Strong ones start an item after any word but one that
# introduces a name; weak ones also continue names ("Bachelor's Degree", "Insurance Industry
# Experience"), so they start an item only after a lowercase word, a number or an acronym.
_STRONG_OPENERS = (r"\d+\+?\s*(?:-\s*\d+\s*)?\+?\s*(?:years?|yrs)\b|"
                   r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)(?: or more| plus|\+)?"
                   r"\s+(?:\(\d+\)\s+)?(?:years?|months?)\b|High school\b|Hands[- ]on\b|"
                   r"If you\b|(?:Our|We) (?!are looking)|"
                   r"Be (?:familiar|able|comfortable|proficient|fluent)\b|"
                   r"(?:Expert|Proficient|Proficiency|Must|Should|Ability|Able|Knowledge(?:able)?|"
                   r"Experience (?:with|in|of|using|working)|Familiar(?:ity)?|Understand(?:s|ing)?|"
                   r"Good|Strong|Excellent|Effective|"
                   r"Demonstrated|Demonstrates|Proven|At least|Minimum|Passion|Proactive|Have|Has)\b")
_WEAK_OPENERS = (r"(?:Experience[ds]?|Expertise|Solid|Working|Relevant|Bachelor'?s?|Master'?s?|"
                 r"Valid|Current|"
                 r"Degree|Advanced|Basic|Deep|Previous|Prior|Desired|Preferred)\b")
_RUN_ON = re.compile(r"(?<=[A-Za-z0-9)])\s+(?=(?P<strong>" + _STRONG_OPENERS + r")|"
                     + _WEAK_OPENERS + r")")
_OPENS_ITEM = re.compile(r"(?:" + _STRONG_OPENERS + r"|" + _WEAK_OPENERS
                         + r"|[-\u2022*]|\d{1,2}[.)]\s)")
_ABOUT_INLINE = re.compile(r"(?<![\w])About(?:\s+[A-Z<][\w&.'<>-]*){1,5}:")
_INTRODUCES_NAME = frozenset({
    "with", "in", "of", "and", "or", "the", "a", "an", "using", "including", "like", "as", "for",
    "to", "on", "by", "at", "from", "such", "e.g.", "eg", "i.e.", "via", "into", "is", "are", "be",
    # "at least 3 years", "more than 5 years": the number belongs to the words before it
    "least", "than", "over", "minimum", "approximately", "about", "around", "min", "min.",
    "and/or", "has", "have", "had", "possess", "possesses", "need", "needs", "require",
    "requires", "bring", "brings",
})
_PLACEHOLDER = re.compile(r"<[A-Z]+>|\W+")
_SENTENCE_OPENER = re.compile(r"(?<=\s)(?:You|We|Our|The|An?|Candidates?|Applicants?|Ideally|If|"
                              r"This|It|<[A-Z]+>)(?=\s)")
_LABELLED = re.compile(r"^([^:]{2,45}):\s+(\S.*)$")
_ENUMERATOR = re.compile(r"^\(?(\d{1,2}|[a-z])[.)]\s")
_OR_END = re.compile(r"[;,]?\s*\bor\s*$", re.IGNORECASE)
_AND_END = re.compile(r"[;,]?\s*\band\s*$", re.IGNORECASE)
_TRAILING = re.compile(r"[\s;,:]+$")
_ENUMERATED_HEADING = re.compile(r"^\(?[A-Za-z0-9]{1,2}[.)]\s")
_DANGLING = re.compile(r"\b(?:if you|could also)\s*$",
                       re.IGNORECASE)
_RATED_ITEM = re.compile(r"\S\s+(?:is|are)\s+(?:(?:a|an)\s+(?:big\s+)?(?:plus|advantage|asset|bonus)"
                         r"|preferred|required|desired|desirable|mandatory)\b", re.IGNORECASE)
_NICE_MARK = re.compile(r"\((?:preferred|desired|optional|nice to have|helpful|a plus)\)\s*$", re.IGNORECASE)
_STRENGTH_MARK = re.compile(r"\((?:required|preferred|desired|optional)\)\s*$", re.IGNORECASE)
# Application instructions, contact lines and terms of employment: never a requirement.
_APPLICATION = Folded(
    r"please (?:contact|send|apply|email|submit|call|attach)|send (?:us )?your (?:cv|resume|"
    r"application)|apply (?:now|here|via|through|online|at|before|by)\b|questions about the "
    r"(?:position|job|role)|for (?:additional|more|further) information|we look forward to|"
    r"probationary period|post[- ]offer|selection process|if you can relate to|"
    r"further information|(?:interview|recruitment|hiring) process|"
    r"(?:third[- ]party|recruitment|staffing|recruiting) agenc|\bno agencies\b|"
    # a sentence about the list itself: "The requirements listed below are representative ..."
    r"\b(?:listed|described|outlined) (?:below|above)\b|"
    # documents to send with the application: "should submit (2) references"
    r"\b(?:should|must|are required to|is required to) submit\b|"
    r"\battachments? (?:must|should) be\b|"
    # what an application must hold and how to send it: "The application must include ...",
    # "To apply: ... you must fill in an online form"
    r"\b(?:the|your|an|each) applications? (?:must|should|will need to) (?:include|contain|be)\b|"
    r"^\W*applications?\b[^.]{0,30}?\b(?:must|should) (?:include|contain)\b|"
    r"^\W*to apply\b|\bsend (?:us )?your application\b|\bfill (?:in|out) (?:an?|the) "
    r"(?:[\w<>-]+ ){0,2}(?:application )?form\b|"
    # a pointer to more reading: "You can read more about planned projects at ..."
    r"\b(?:read|find|learn) more (?:information )?about\b|\bapplication deadline is\b|"
    r"\bthe selection (?:is|will be) made\b|\bshort-?listing\b|"
    r"\bwe(?:'d| would) (?:like|love) to (?:hear from|meet|talk to) you\b|"
    # what the job gives: "... this is a perfect opportunity to progress your career"
    r"\bthis is an? (?:perfect|great|unique|excellent|fantastic|rare) opportunity\b|"
    # the work itself: "As a Team Leader you will both be part of shaping ..."
    r"^\W*as an? [^,.]{2,60}? you will (?!need\b|be expected to have\b)")
# A lead-in to documents to send or checks to pass, not to requirements: "applicants ... are
# required to submit:", "must successfully complete the following background investigations:".
_APPLICATION_LEAD = Folded(
    r"\b(?:required to|must|should|please|asked to|need to) (?:also )?(?:submit|upload|attach|"
    r"enclose|send|provide)\b|with your application|following (?:documents|attachments)|"
    r"background (?:investigations?|checks?|screening)|pre-employment (?:checks?|screening|tests?)|"
    r"(?:complete|pass) the following")
_NEGATION = Folded(r"\bnot (?:necessary|required|needed|a requirement|mandatory|essential)\b|"
                   r"\bof no importance\b|\bdoes(?: not|n't) matter\b|\bno (?:prior )?"
                   r"experience (?:is )?(?:necessary|needed|required)|"
                   # "We don't expect you to have experience across all these areas"
                   r"\b(?:do not|don't|does not|doesn't) (?:expect|require) (?:you|candidates)\b|"
                   r"\byou (?:do not|don't) (?:need|have) to (?:have|know|be)\b")
# "... is an advantage but not required": the negation makes the item optional, not void.
_STILL_WELCOME = Folded(r"\b(?:an? (?:big |real )?(?:advantage|plus|asset|bonus)|advantageous|preferred|"
                        r"helpful|beneficial|desirable|desired|welcome|ideal|ideally|favou?rable)\b")
# A sentence that describes the candidate ("you can ride a bike", "you are a good colleague").
_CANDIDATE = Folded(r"\byou(?:'re| are| can| have| must| should| need| will need| know| speak| "
                    r"enjoy| thrive| like| love| bring| hold| possess| work)\b|\bcandidates? "
                    r"(?:must|should|will|need)|\b(?:is|are) (?:required|essential|a must)\b")
# Sentences that tell about the company or the job rather than ask something of the candidate.
_ABOUT_THE_JOB = Folded(r"^(?:(?:we|our|it|this|there|here|the (?:team|company|day team|evening team|"
                        r"job|role|position|work(?:place)?)|in (?:the|this) (?:job|role)|"
                        r"as an? |you will (?!need))\b|<organization>|<location>)")
# The company speaking of itself ("Our team is committed to ...", "We have a mix of different
# skills in our team") unless the sentence turns to the one it wants.
_WE_SPEAK = Folded(r"^\W*(?:(?:so|and|also|here|today),? )?(?:we|our)\b")
_TO_THE_CANDIDATE = Folded(r"\b(?:you|your|candidates?|applicants?|someone|somebody|person|"
                           r"people|individuals?|colleagues?|talents?|must|should|needs?|"
                           r"requires?|required|expects?|expected|prefers?|preferred|"
                           r"looking for|seek\w*|want|wish|hire|hiring|recruit\w*)\b")
# What the job gives the candidate, in a sentence of its own: no ask.
_OFFERED = Folded(r"^(?:(?:so|and|also),? )?(?:as an? [^.]{0,100}? )?(?:you can (?:expect|look forward to)|"
                  r"you(?:'ll| will) (?:get|receive|enjoy|be offered)|we (?:can )?offer|"
                  r"in return,? you|we provide)\b")
# ... and what it gives in other words: "If you love to code you will enjoy working with us",
# "You can influence the team's ways of working", "We support you in developing your skills".
_GIVES = Folded(r"\byou(?:'ll| will) (?:enjoy|love) working (?:with|at|here|in)\b|"
                r"^\W*you can (?:influence|shape|grow|develop your|look forward|choose)\b|"
                r"^\W*we (?:support|help|encourage) you\b|^\W*you(?:'ll| will) find the\b")
_ASK_WORDS = Folded(r"\bexperience\b|\bskills?\b|\bknowledge\b|\babilit|\bable to\b|"
                    r"\bdegree\b|\bcertif|\blicen[sc]|\byears?\b|\bfluen")
# A line of working days and hours and nothing else: "Monday - Saturday, 10:00 a.m. - 6:00 p.m."
# ("Must be available Monday to Friday" asks something, and keeps its words.)
_SCHEDULE_ONLY = re.compile(
    r"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\.?|weekdays?|"
    r"weekends?|\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|noon|midnight|to|through|and|from|"
    r"hours?|hrs|[-\u2013,;/&()]|\s)++$", re.IGNORECASE)  # possessive: "1 1 1 ... x" fails at once
# A labelled line of a job board's details: "Job Type: Full-time", "Salary: ...".
_DETAIL_LINE = Folded(
    r"^(?:job types?|schedule|shifts?|salary|pay|application deadline|expected start date|"
    r"industry|company (?:size|type)|seniority level|job function|working (?:days|hours)|"
    r"benefits|work location|location|date posted|job id|requisition|reference|start date|"
    r"contract (?:length|type)|employment type|telephone|phone|e-?mail|-mail|fax|"
    r"contact)\s*:|^temporarily due to covid|"
    r"^covid-19 considerations")


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of the posting under one heading (or before the first)."""

    kind: PostingSection
    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Requirement:
    """One thing the posting asks for."""

    id: str
    text: str
    start: int
    end: int
    section: PostingSection
    strength: Strength
    kind: RequirementKind
    years: YearsDetail | None = None
    degree: DegreeDetail | None = None
    group: str | None = None
    group_mode: str | None = None  # "any" (alternatives) or "all"


@dataclass(frozen=True, slots=True)
class Duty:
    """A responsibility: it feeds keywords but is not scored."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Posting:
    """The structure of a job posting."""

    document: Document
    title: str | None
    company: str | None
    sections: tuple[Section, ...]
    requirements: tuple[Requirement, ...]
    duties: tuple[Duty, ...]
    noise: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    text: str
    listy: bool
    block_kind: BlockKind
    block: int
    marker: str = ""
    heading: PostingSection | None = None
    heading_text: str = ""
    noise: bool = False
    piece: bool = False  # cut from a posting flattened to one long line
    asks: bool = False  # an item after a lead-in about the candidate ("employees that:")
    lead: bool = False  # the lead-in itself ("In this position you need to:"): never an item


def parse_posting(document: Document) -> Posting:
    """Find the posting's sections and its requirement items."""
    units = _units(document)
    _mark_noise(units)
    sections, assigned = _assign_sections(document, units)
    has_requirement_section = any(
        s.kind in (PostingSection.REQUIREMENTS, PostingSection.PREFERRED) for s in sections)
    company_prose = _company_sections(sections) if not has_requirement_section else ()
    requirements: list[Requirement] = []
    duties: list[Duty] = []
    preferred_list: str | None = None  # the marker kind of a notes list of preferences
    menu: str | None = None  # the group of a list introduced as "one or more of the following"
    for unit, section in assigned:
        if unit.noise or unit.heading is not None or unit.lead:
            continue
        if preferred_list is not None:
            if unit.listy and _marker_kind(unit.marker) == preferred_list:
                # "3. Experience in one or more of the following areas is highly preferred:"
                # then "a. ...", "b. ...": each sub-item is a nice-to-have, and with "one or
                # more of the following" they are alternatives: any of them answers it.
                items = _items(document, unit, PostingSection.PREFERRED, prose=False)
                requirements.extend(replace(r, group=menu, group_mode="any") if menu else r
                                    for r in items)
                continue
            preferred_list = None
            menu = None
        if (section in (PostingSection.OTHER, PostingSection.ABOUT) and has_requirement_section
                and _PREFERRED_LIST.search(unit.text)):
            following = _next_marker(assigned, unit)
            if following and following != _marker_kind(unit.marker):
                preferred_list = following
                if _MENU.search(unit.text):
                    menu = f"m{unit.start}"
                continue
        if unit.asks and section not in (PostingSection.OTHER, PostingSection.BENEFITS):
            # an item after a lead-in about the candidate asks, wherever the lead-in stands
            kind = section if section is PostingSection.PREFERRED else \
                PostingSection.REQUIREMENTS
            requirements.extend(_items(document, unit, kind, prose=False))
            continue
        if section in (PostingSection.REQUIREMENTS, PostingSection.PREFERRED):
            # Long prose inside a requirements section: only its requirement sentences count.
            prose = not unit.listy and len(unit.text.split()) >= 30
            requirements.extend(_items(document, unit, section, prose=prose))
        elif section is PostingSection.RESPONSIBILITIES:
            if ((unit.listy or len(unit.text.split()) < 30) and _asks_of_candidate(unit.text)) or (
                    not unit.listy and _DESCRIBES_CANDIDATE.search(unit.text)):
                # "Good understanding of Oracle PL/SQL" filed under duties is still an ask.
                requirements.extend(_items(document, unit, PostingSection.REQUIREMENTS,
                                           prose=False))
                continue
            duties.append(Duty(unit.text, unit.start, unit.end))
        elif not has_requirement_section and section is not PostingSection.BENEFITS:
            if any(a <= unit.start < b for a, b in company_prose):
                continue  # "Company description:": the employer's own story asks nothing
            requirements.extend(_items(document, unit, section, prose=True))
        elif section is PostingSection.BENEFITS and len(unit.text.split()) < 30 and \
                _YOU_MUST.match(unit.text):
            # "You must be able to read addresses" in a list of what the job offers still asks.
            requirements.extend(_items(document, unit, PostingSection.REQUIREMENTS,
                                       prose=False))
        elif section in (PostingSection.OTHER, PostingSection.ABOUT) and (
                _NOTE_REQUIREMENT.search(unit.text)):
            # Notes after the requirements still state licences and preferences.
            requirements.extend(item for item in _items(document, unit, section, prose=True)
                                if _NOTE_REQUIREMENT.search(item.text))
    requirements = _apply_substitutions(requirements, assigned)
    requirements = _number_and_group(requirements, assigned)
    title, company = _title_and_company(units, sections)
    noise = tuple((u.start, u.end) for u in units if u.noise)
    return Posting(document, title, company, tuple(sections), tuple(requirements), tuple(duties),
                   noise)


def _marker_kind(marker: str) -> str:
    """"3." and "12)" are numbers, "a." and "(b)" letters, bullets are bullets."""
    core = marker.strip("().")
    return "number" if core.isdigit() else "letter" if core.isalpha() else "bullet" \
        if marker else ""


def _next_marker(assigned: list[tuple[_Unit, PostingSection]], unit: _Unit) -> str:
    """The marker kind of the list item right after ``unit``, or "" when none follows."""
    for position, (candidate, _) in enumerate(assigned):
        if candidate is unit:
            rest = assigned[position + 1:position + 2]
            return _marker_kind(rest[0][0].marker) if rest and rest[0][0].listy else ""
    return ""


# -- units ---------------------------------------------------------------------------------

def _units(document: Document) -> list[_Unit]:
    units: list[_Unit] = []
    in_run_on = False  # the block before held items run together after a lead-in
    for index, block in enumerate(document.blocks):
        base = document.block_start(index)
        start = base + block.content_start
        end = base + len(block.text)
        listy = block.kind is BlockKind.LIST_ITEM or block.content_start > 0
        body = block.text[block.content_start:]
        if (end - start > 250 and _INLINE_SPLIT.search(body)) or _heading_inside(body) or len(
                _INLINE_BULLETS.findall(body)) >= 2 or _dash_list(body) or (
                end - start > 100 and len(_run_on_cuts(body)) >= 3):
            units.extend(_split_long(document, start, end, index, block.kind))
            continue
        unit = _Unit(start, end, document.text[start:end], listy, block.kind, index,
                     block.text[:block.content_start].strip())
        cut = _after_lead_in(document, unit)
        if not cut and not listy and in_run_on and units[-1].asks and ":" not in unit.text \
                and block.kind is not BlockKind.HEADING:
            # the candidate's list goes on while its lines still hold items run together (a
            # line with a colon leads in to something else: "What we offer you: ...")
            cut = _candidate_items(document, start, end, unit)
            cut = cut if len(cut) >= 2 or (cut and _a_short_verb_phrase(unit.text)) else []
        if not cut and not listy and in_run_on and _run_on_cuts(unit.text):
            cut = _run_on_units(document, start, end, unit, always=True)  # the list goes on
        in_run_on = bool(cut) and cut[-1].piece
        units.extend(cut or [unit])
    return units


def _after_lead_in(document: Document, unit: _Unit) -> list[_Unit]:
    """A lead-in and the items run together after its colon, or nothing to cut.

    "It is crucial that you: Have a Masters degree ... Have minimum 3 years ...": the lead-in
    becomes a unit of its own (which asks nothing) and the rest is cut where items start.
    """
    colon = unit.text.find(": ")
    if unit.listy or colon < 0:
        return []
    lead = unit.text[:colon + 1]
    # "We pick and pack orders. The warehouse is looking for employees that:": the lead-in is
    # the last sentence before the colon.
    last = re.split(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])", lead)[-1]
    candidate = bool(_CANDIDATE_LEAD.search(last)) and 2 <= len(last.split()) <= 15
    if not candidate and (not 2 <= len(lead.split()) <= 15 or lead[:1].islower()):
        return []
    rest = colon + 2
    # A sentence that leads in, not a heading: it keeps the section it is in.
    head = _Unit(unit.start, unit.start + colon + 1, lead, False, unit.block_kind, unit.block,
                 piece=True)
    if _QUALIFICATIONS_LEAD.search(last):
        # "However we believe that the following formal qualifications will improve your
        # chances of success: \u2022Bachelor's degree ...": it heads the requirements.
        head.heading, head.heading_text = PostingSection.REQUIREMENTS, last.rstrip(":")
        body = unit.text[rest:]
        skip = len(body) - len(body.lstrip(" \u2022*-"))
        return [head, _Unit(unit.start + rest + skip, unit.end, body[skip:], True,
                            unit.block_kind, unit.block, piece=True)]
    if candidate:
        items = _candidate_items(document, unit.start + rest, unit.end, unit)
        if items:
            found = classify_heading(lead.rstrip(":"), _CUES) if last == lead else None
            if found is not None and found.kind is PostingSection.REQUIREMENTS:
                # "We expect you to: Be a registered surgeon ..." opening its line heads the
                # requirements: the lines after it ask too.
                head.heading, head.heading_text = found.kind, lead.rstrip(":")
            head.lead = True
            return [head, *items]
    if len(unit.text) - colon < 60 or not _OPENS_ITEM.match(unit.text, rest) or \
            not _run_on_cuts(unit.text[rest:]):
        return []
    return [head, *_run_on_units(document, unit.start + rest, unit.end, unit, always=True)]


_QUALIFICATIONS_LEAD = Folded(r"\bthe following (?:[\w-]+ ){0,2}(?:qualifications|requirements|"
                              r"skills|competenc\w+)\b[^:]{0,60}:$")
# A short lead-in cut from a flattened line that heads the requirements: "You must have:".
_YOU_MUST_HAVE = re.compile(r"(?:you|candidates?|applicants?) (?:must|should|need to) (?:have|be)$",
                            re.IGNORECASE)
# A sentence that puts a duty on the candidate: an ask even in a list of what the job offers.
_YOU_MUST = re.compile(r"\W*(?:you|candidates?|applicants?)\s+(?:must|need to|will need to|"
                       r"are required to|have to)\b", re.IGNORECASE)
# A lead-in whose items describe the candidate: "The warehouse is looking for new employees
# that:", "it is crucial that you:", "We are looking for someone who:". Its items are verb
# phrases of that subject ("Are precise and goal oriented", "Work independently").
_CANDIDATE_LEAD = Folded(
    r"\b(?:looking|searching|seeking|hoping)\s+for\b[^:]*\b(?:who|that)\s*:$|"
    r"\b(?:important|crucial|essential|expect|require|ideal(?:ly)?|hope|want|need|wish)\b"
    r"[^:]{0,30}\bthat you\s*:$|\b(?:expect|require|need|want)s?\s+you\s+to\s*:$|"
    r"\byou (?:will )?(?:need to|must|should)\s*:$|"
    r"\b(?:candidates?|applicants?|persons?|someone|people|you)\s+(?:who|that)\s*:$")
# In such a list, a capitalised word after a lowercase one and before another lowercase one
# starts the next item: "... enjoy manual work Are precise and goal oriented"; before a
# capitalised one it must be a verb ("... licence Speaks English well").
_VERB_ITEM = re.compile(r"(?<=[a-z)])\s+(?=([A-Z][a-z]+)\s+([A-Za-z(]))")


def _a_short_verb_phrase(text: str) -> bool:
    """A line like "Show initiative and like varied days": a verb's plain form, then a few words
    (a past participle such as "Specialized in transport" heads the next part instead)."""
    words = text.split()
    if not 2 <= len(words) <= 15 or text.rstrip().endswith("?"):
        return False
    first = words[0].lower()
    return first in verb_lemmas(first) or first in ("are", "have", "has", "is")


_NEVER_LAST = frozenset({"of", "in", "within", "with", "for", "to", "from", "by", "on", "at",
                         "as", "the", "a", "an", "and", "or", "your", "our", "their"})
# Verbs that open an item about the candidate even after a name ("... using Tableau Hold a
# degree"); another verb after a name is part of it ("Customer Service areas").
_ITEM_VERBS = frozenset({"have", "hold", "be", "are", "speak", "possess", "master", "show", "like",
                         "enjoy", "thrive", "know", "can", "demonstrate", "bring"})


def _candidate_items(document: Document, start: int, end: int, unit: _Unit) -> list[_Unit]:
    """The items run together after a lead-in about the candidate, each an ask."""
    text = document.text[start:end]
    if not re.match(r"[A-Z][a-z]+\b", text):
        return []
    cuts = set(_run_on_cuts(text))
    depths = _paren_depths(text)
    for match in _VERB_ITEM.finditer(text):
        before = text[:match.start()].rstrip()
        previous = before.rsplit(None, 1)[-1] if before else ""
        # "Visual Basic and Pivot": a name goes on; "(Visual Basic and ...)": inside brackets
        ends_item = previous[:1].islower() or previous.endswith(")") or (
            match.group(2).islower() and match.group(1).lower() in _ITEM_VERBS)  # "Tableau Hold a"
        # A capitalised verb opens the next item; another capitalised word does unless it is
        # the object of a verb before it ("Speak and write English effortlessly").
        opens_item = bool(verb_lemmas(match.group(1))) or (
            (match.group(2).islower() or match.group(2) == "(")
            and not verb_lemmas(previous.lower()))
        if previous.lower() in _NEVER_LAST:
            continue  # "preferably within Supply Chain Management": no item ends on "within"
        if ends_item and opens_item and previous.lower() not in _INTRODUCES_NAME \
                and not depths[match.end()]:
            cuts.add(match.end())
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    units: list[_Unit] = []
    for lo, hi in itertools.pairwise(bounds):
        piece = text[lo:hi].rstrip(" .")
        if piece.strip():
            units.append(_Unit(start + lo, start + lo + len(piece), piece, True,
                               unit.block_kind, unit.block, piece=True, asks=True))
    return units


def _run_on_units(document: Document, start: int, end: int, unit: _Unit,
                  always: bool = False) -> list[_Unit]:
    """The items after a heading on the same line ("Skills: Python Must have SQL ..."), cut
    where a requirement visibly starts again in text that lost its line breaks."""
    text = document.text[start:end]
    cuts = [c for c in _run_on_cuts(text) if 0 < c < len(text)] \
        if always or len(text) > 100 else []
    bounds = [0, *cuts, len(text)]
    units: list[_Unit] = []
    for lo, hi in itertools.pairwise(bounds):
        piece = text[lo:hi].rstrip()
        if piece.strip():
            units.append(_Unit(start + lo, start + lo + len(piece), piece, True,
                               unit.block_kind, unit.block, piece=bool(cuts)))
    return units


@lru_cache(maxsize=8192)
def _run_on_cuts(text: str) -> tuple[int, ...]:
    """Where items run together in text flattened without separators.

    "... Agile/Scrum methodologies Good at understanding requirements Must possess ...": a
    capitalised word that opens requirement lines, right after a lowercase word that does not
    introduce a name ("with Visual Studio" stays whole), starts a new item.
    """
    cuts: list[int] = []
    for match in _RUN_ON.finditer(text):
        before = text[:match.start()].rstrip()
        previous = before.rsplit(None, 1)[-1] if before else ""
        if previous.lower() in _INTRODUCES_NAME:
            continue
        if (not match.group("strong") and previous[:1].isupper()
                and not previous.strip(".,;)").isupper()):
            continue  # "Bachelor's Degree": one name; "WCF Experience": a new item
        cuts.append(match.end())
    return tuple(cuts)


@lru_cache(maxsize=2048)
def _inline_headings(text: str) -> tuple[tuple[int, int], ...]:
    """Headings inside a posting flattened to one line, as (start, end after any colon).

    Cue words next to each other form one heading ("Desired Skills:", "Minimum Skills and
    Competencies:"). Without a colon, a heading of two words or more counts only when a new
    item visibly starts after it: "Must have good understanding of ..." is an item.
    """
    lower = text.lower()
    spans: list[tuple[int, int, PostingSection]] = []
    for kind, pattern in _CUES:
        for match in pattern.finditer(lower):
            spans.append((match.start(), match.end(), kind))  # lowercase ones may continue one
    spans.sort(key=lambda span: span[:2])
    merged: list[tuple[int, int, int]] = []  # start, end, words of cue
    kinds: list[PostingSection] = []
    for head, end, kind in spans:
        before = _FILLER_WORD_BEFORE.search(text, 0, head)
        if before and not text[head].isupper() and text.startswith(":", _past_filler(lower, end)):
            head = before.start(1)  # "... etc. ) Job benefits:": a capitalised filler word leads
        if merged and not lower[_past_filler(lower, merged[-1][1]):head].strip() and (
                _in_capitals(text, *merged[-1][:2]) == _in_capitals(text, head, end)) and (
                kind is kinds[-1] or not text[head].isupper()
                or len(text[head:end].split()) == 1):  # "Desired Skills", not "Startup What ..."
            start, last, words = merged[-1]
            merged[-1] = (start, max(last, end), words + len(text[head:end].split()))
        elif text[head].isupper() and (not head or text[head - 1] in " \t-\u2022*:;.!?)"):
            merged.append((head, end, len(text[head:end].split())))
            kinds.append(kind)
    found: list[tuple[int, int]] = [
        m.span() for m in _ABOUT_INLINE.finditer(text)]  # "About National General Holdings:"
    for head, end, words in merged:
        capitals = _capitals_around(text, head, end)
        if capitals is not None:  # "CANDIDATE REQUIREMENT", "THE POSITION": set in capitals
            found.append(capitals)
            continue
        tail = _past_filler(lower, end)
        colon = text.startswith(":", tail)
        if colon:
            found.append((head, tail + 1))
            continue
        if re.match(r"(?:you|we)\b", lower[head:]):
            continue  # "You must submit ..." opens a sentence, not a heading
        after = text[tail:].lstrip()
        # a round bullet after it opens an item: "... project management Qualifications \u2022A PhD"
        if after.startswith("\u2022") or (words >= 2 and (not after or _OPENS_ITEM.match(after))):
            found.append((head, tail))
    return tuple(found)


_TITLE_PAIR_AT_END = re.compile(r"[A-Z][a-z]+\s+[A-Z][a-z]+\s*$")
# A capitalised word at most four words before a colon, after three words or more.
_CAPITAL_BEFORE_COLON = re.compile(r"^\W*(?:\S+\s+){3,}?[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,3}"
                                   r"\s*:(?:\s|$)")


_FILLER_WORD_BEFORE = re.compile(r"(?<![\w-])(Job|Your|Our|Key|Main|Additional|Other)\s+$")


def _dash_list(text: str) -> bool:
    """Items run together with dashes: "A valid driving license - The desire to work with pigs
    - A little experience with the job" (not "Team Leader - Customer Service")."""
    return text.count(" - ") >= 2 and len(_DASH_ITEM.findall(text)) >= 2 and len(text.split()) >= 10


_DASH_ITEM = re.compile(r"\s-\s+[A-Z][a-z]*\s+[a-z]")


def _heading_inside(text: str) -> bool:
    """A heading with its colon inside a line, after other text: "... on <CONTACT>
    Qualifications: Candidates are required to ...". Its line is split there."""
    end = len(text.rstrip())
    if text.count(" ") < 4 or (not (":" in text and _CAPITAL_BEFORE_COLON.search(text))
                               and not _TITLE_PAIR_AT_END.search(text)):
        return False  # the common case, asked of every line: no scan for cue words
    return any(len(text[:head].split()) >= 3 and (  # not "Skill Sets/ Requirements:"
        text[tail - 1] == ":" or (tail >= end and text[head:tail].istitle()))
        for head, tail in _inline_headings(text))  # "... GDPR FedRAMP ) Desired Experience"


def _closing_heading(text: str) -> PostingSection | None:
    """A short piece of a flattened line that heads what the job offers or the company's own
    text ("Working at <ORGANIZATION>", "Salary and appointment terms"); a piece is never taken
    for a requirements heading this way, as an item can look like one ("Language skills")."""
    words = text.split()
    if not 2 <= len(words) <= 6 or text.endswith((".", ",", ";")) or re.search(r"\d", text):
        return None
    found = classify_heading(text.rstrip(":"), _CUES)
    if found is None or found.kind not in (PostingSection.BENEFITS, PostingSection.ABOUT,
                                           PostingSection.OTHER):
        return None
    if found.coverage >= 0.75 or (len(words) <= 4 and found.coverage >= 0.6):
        return found.kind
    return None


def _in_capitals(text: str, head: int, end: int) -> bool:
    return re.fullmatch(r"[A-Z][A-Z&/ '-]*[A-Z]", text[head:end]) is not None


def _capitals_around(text: str, head: int, end: int) -> tuple[int, int] | None:
    """The run of capitalised words around a cue written in capitals, with a colon after it."""
    if not _in_capitals(text, head, end):
        return None
    left = re.search(r"(?:(?<=\s)[A-Z][A-Z&/'-]+\s+)*$", text[:head])
    right = re.match(r"(?:\s+[A-Z][A-Z&/'-]+)*\s*:?", text[end:])
    start = left.start() if left else head
    stop = end + (right.end() if right else 0)
    return start, stop


def _past_filler(lower: str, at: int) -> int:
    while filler := _HEADING_FILLER.match(lower, at):
        at = filler.end()
    return at


def _split_long(document: Document, start: int, end: int, block: int,
                kind: BlockKind) -> list[_Unit]:
    """A posting pasted as one long line: split at inline bullets and inline headings."""
    text = document.text[start:end]
    cuts = {0}
    for match in _INLINE_SPLIT.finditer(text):
        cuts.add(match.end())
    cuts.update(_run_on_cuts(text))
    cuts.update(match.end() for match in _SENTENCE_END.finditer(text))
    headings = _inline_headings(text)
    for head, tail in headings:
        cuts.update((head, tail))
    # A cut inside a heading ("Minimum Skills. and ...") would split it: headings win.
    cuts = {c for c in cuts if not any(head < c < tail for head, tail in headings)}
    heading_at = dict(headings)
    ordered = [*sorted(cuts), len(text)]
    units: list[_Unit] = []
    for lo, hi in itertools.pairwise(ordered):
        piece = text[lo:hi]
        stripped = piece.strip()
        if not stripped:
            continue
        offset = lo + piece.index(stripped)
        marker = re.match(r"^(?:[-\u2022*]|\d{1,2}[.)]|\.{3})\s+|^\u2022", stripped)
        skip = marker.end() if marker else 0
        body = stripped[skip:]
        if not body:
            continue
        s = start + offset + skip
        unit = _Unit(s, s + len(body), body, bool(marker), kind, block,
                     marker.group(0).strip() if marker else "", piece=True)
        if heading_at.get(lo) == hi:
            title = body.rstrip(": ").strip()
            found = classify_heading(title, _CUES)
            if found is not None:
                unit.heading, unit.heading_text = found.kind, title
            elif title.lower().startswith("about "):
                unit.heading, unit.heading_text = PostingSection.ABOUT, title
        elif not marker and (closing := _closing_heading(body)) is not None:
            unit.heading, unit.heading_text = closing, body
        units.append(unit)
    return units


# -- noise and headings ----------------------------------------------------------------------

# A job board's detail label on a line of its own; the line under it is its value
# ("Role:" / "Backend Developer DevOps System Administrator", "Technologies" / "java mysql").
_DETAILS = (r"job type|experience level|seniority level|industry|company size|company type|"
            r"employment type|job function|date posted|working hours|contract type")
_DETAIL_LABEL = re.compile(
    rf"^(?:{_DETAILS}|role|technologies|tech stack|tags|compensation|salary)\s*:?$",
    re.IGNORECASE)


# ... or with its value on the same line: "Experience level: Senior", "Industry: Fintech".
_DETAIL_WITH_VALUE = re.compile(
    rf"^(?:{_DETAILS}|place of work(?: and hours)?|work hours|hours of work)"
    r"\s*:\s*\S+(?:\s+\S+){0,5}$", re.IGNORECASE)


def _mark_noise(units: list[_Unit]) -> None:
    for before, after in itertools.pairwise(units):
        if not before.listy and _DETAIL_LABEL.match(before.text.strip()) and \
                len(after.text.split()) <= 12 and not after.listy:
            before.noise = after.noise = True
    for unit in units:
        text = unit.text.strip()
        words = text.split()
        detail = _DETAIL_WITH_VALUE.match(text) and not unit.listy
        if detail or (len(words) <= 12 and (_NOISE.match(text.rstrip(".:!")) or (
                _SALARY.search(text) and len(words) <= 15))) or URL.fullmatch(text):
            unit.noise = True
    # Site navigation: a run of three or more tiny lines near the top.
    run: list[_Unit] = []
    for unit in units[:40]:
        tiny = len(unit.text.split()) <= 3 and not re.search(r"[.,;:!?]", unit.text)
        if tiny and classify_heading(unit.text, _CUES) is None and not JOB_TITLE.search(unit.text):
            run.append(unit)
            continue
        if len(run) >= 3:
            for item in run:
                item.noise = True
        run = []


def _heading_of(document: Document, unit: _Unit) -> tuple[PostingSection | None, str]:
    text = unit.text.strip()
    if text.count(" ") > 12:
        return None, ""  # headings are short; skip the cue scan for sentences
    block = document.blocks[unit.block]
    if (not unit.listy and _ABOUT_COMPANY.match(text)
            and not re.match(r"^about\s+(?:you|the (?:role|job|position)|this role)\b", text,
                             re.IGNORECASE)):
        return PostingSection.ABOUT, text.rstrip(":")
    if _STRENGTH_MARK.search(text) or _RATED_ITEM.search(text):
        # "CSS (Required)", "Experience with AWS is a plus": an item that rates itself
        return None, ""
    # "Skills & experiences exciting to us..." leads in like a colon does.
    if re.search(r"(?:\.{2,}|\u2026)\s*$", text):
        text = re.sub(r"[\s.\u2026]+$", "", text) + ":"
    elif re.search(r"\bthe following$", text, re.IGNORECASE):  # "extra points for the following"
        text += ":"
    found = classify_heading(text.rstrip(":"), _CUES)
    if found is None:
        return None, ""
    formatted = looks_like_heading(block, text) and not unit.listy
    if formatted and (found.coverage >= 0.5 or text.endswith(":")):
        return found.kind, text.rstrip(":")
    if _NAMES_ITS_SUBJECT.match(text):
        return None, ""  # "Experience in DevOps" is an item, "Experience" a heading
    if (not unit.listy and not re.search(r"\d", text) and not text.endswith(".") and (
            (len(text.split()) <= 6 and found.coverage >= 0.75)
            or (len(text.split()) <= 4 and found.coverage >= 0.6))):
        return found.kind, text.rstrip(":")
    if not unit.listy and text.endswith(":") and len(text.split()) <= 12 and found.coverage >= 0.3:
        return found.kind, text.rstrip(":")
    return None, ""


_NAMES_ITS_SUBJECT = re.compile(r"(?:experience|knowledge|proficiency|expertise|skills?)\s+"
                                r"(?:in|with|of|using)\s+\S", re.IGNORECASE)


# Cue words that also open an item: "Experience 3+ years with Java", "Knowledge ...".
_ITEM_WORDS = frozenset({"experience", "knowledge", "skills", "skill", "education", "languages",
                         "language", "abilities", "profile", "personality", "minimum", "basic",
                         "required", "needed", "preferred", "desired", "optional"})


def _lead_in_heading(text: str) -> tuple[PostingSection, int, int] | None:
    """A heading run into its first sentence: its kind, where it ends, where the body starts.

    Postings flattened to plain text lose the line break after a heading. The heading is
    recognised only when a sentence visibly starts after it ("You", "The", "<ORGANIZATION>")
    and the rest reads as prose, so a Title Case item such as "Experience In Python" stays.
    """
    first = re.match(r"([A-Z][a-z]+)\s+(?=\S)", text)
    if first and _OPENS_ITEM.match(text, first.end()):
        # "Requirements 3+ years professional web development experience": one cue word,
        # then an item
        found = classify_heading(first.group(1), _CUES)
        if found is not None and found.coverage == 1.0 and found.kind in (
                PostingSection.REQUIREMENTS, PostingSection.PREFERRED,
                PostingSection.RESPONSIBILITIES) and first.group(1).lower() not in _ITEM_WORDS:
            return found.kind, len(first.group(1)), first.end()
    for match in _SENTENCE_OPENER.finditer(text, 0, 60):
        head = text[:match.start()].rstrip()
        words = head.split()
        if not 1 <= len(words) <= 4 or not head[:1].isupper() or head[-1:] in ".,;:!?" or (
                words[-1].lower() in ("the", "a", "an", "of", "in", "with", "and", "or", "to")):
            continue  # "Knowledge of the <LOCATION> Data Protection Act ...": no heading ends so
        body = text[match.start():]
        if len(body.split()) < 4 or not re.search(r"\s[a-z]", body):
            continue
        found = classify_heading(head, _CUES)
        if found is not None and found.coverage >= 0.6 and found.kind is not PostingSection.ABOUT:
            return found.kind, len(head), match.start()
    return None


# Headings over the employer's own story, not the role: "Company description", "About Acme".
_COMPANY_HEADING = Folded(r"^\W*(?:(?:some )?facts about|about (?!(?:the|this) (?:role|job|"
                          r"position))|who we are|company (?:description|overview|profile)|"
                          r"(?:our|the) (?:mission|story|company|culture|values)\b)")


def _company_sections(sections: list[Section]) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in sections
                 if s.kind is PostingSection.ABOUT and s.title and _COMPANY_HEADING.search(s.title))


def _assign_sections(document: Document,
                     units: list[_Unit]) -> tuple[list[Section], list[tuple[_Unit, PostingSection]]]:
    sections: list[Section] = []
    assigned: list[tuple[_Unit, PostingSection]] = []
    current = PostingSection.ABOUT
    title = ""
    start = 0
    items_seen = False
    expanded: list[_Unit] = []
    for unit in units:
        labelled = None if unit.listy or unit.noise else _LABELLED.match(unit.text)
        if labelled:  # "Required Skills: Python, Django" is a heading and an item
            found = classify_heading(labelled.group(1), _CUES)
            if found and found.coverage >= 0.7:
                offset = unit.start + labelled.start(2)
                head = _Unit(unit.start, unit.start + labelled.end(1), labelled.group(1), False,
                             unit.block_kind, unit.block, heading=found.kind,
                             heading_text=labelled.group(1))
                expanded.append(head)
                expanded.extend(_run_on_units(document, offset, unit.end, unit))
                continue
        lead = None if unit.listy or unit.noise else _lead_in_heading(unit.text)
        if lead is not None:  # "Qualifications Candidates should have a PhD ..." on one line
            lead_kind, cut, body_at = lead
            expanded.append(_Unit(unit.start, unit.start + cut, unit.text[:cut], False,
                                  unit.block_kind, unit.block, heading=lead_kind,
                                  heading_text=unit.text[:cut]))
            expanded.append(_Unit(unit.start + body_at, unit.end, unit.text[body_at:], False,
                                  unit.block_kind, unit.block))
            continue
        if not unit.noise and not unit.piece:  # a piece's headings were cut out already
            kind, text = _heading_of(document, unit)
            unit.heading, unit.heading_text = kind, text
        elif unit.piece and not unit.noise and unit.text.rstrip().endswith(":"):
            # ... but not a lead-in to preferences: "Candidates who have the following will be
            # preferred: \u2022..."
            kind, text = _heading_of(document, unit)
            if kind is PostingSection.PREFERRED or (
                    kind is PostingSection.REQUIREMENTS and _YOU_MUST_HAVE.match(text)):
                unit.heading, unit.heading_text = kind, text
        expanded.append(unit)
    units[:] = expanded
    for unit in units:
        if unit.heading is not None and _ENUMERATED_HEADING.match(unit.heading_text) and assigned:
            # "(A) Skills, abilities and attitudes:" under "Remuneration": a sub-heading keeps
            # the section it sits in.
            unit.heading = current
        if unit.heading is not None:
            if assigned:
                sections.append(Section(current, title, start, unit.start))
            current, title, start = unit.heading, unit.heading_text, unit.start
        elif (not unit.listy and not unit.noise and unit.text.rstrip().endswith(":")
              and _APPLICATION_LEAD.search(unit.text)
              and current is not PostingSection.OTHER):
            # what to send and which checks to pass: application instructions until the next
            # heading
            if assigned:
                sections.append(Section(current, title, start, unit.start))
            current, title, start = PostingSection.OTHER, "", unit.start
        elif unit.piece and _legal(unit.text):
            unit.noise = True  # a legal sentence amid flattened items ends nothing
        elif not unit.noise and _legal(unit.text) and current is not PostingSection.OTHER:
            sections.append(Section(current, title, start, unit.start))
            current, title, start = PostingSection.OTHER, "", unit.start
        elif (current in (PostingSection.REQUIREMENTS, PostingSection.PREFERRED) and items_seen
              and not unit.noise and not unit.listy and len(unit.text.split()) >= 30
              and not _REQUIREMENT_SENTENCE.search(unit.text)
              and not _about_candidate(unit.text) and not _PERSON_VERB.search(unit.text)):
            # Company prose after the list: the requirements ended without a heading.
            sections.append(Section(current, title, start, unit.start))
            current, title, start = PostingSection.ABOUT, "", unit.start
        items_seen = (items_seen and unit.heading is None) or (
            current in (PostingSection.REQUIREMENTS, PostingSection.PREFERRED)
            and unit.heading is None and not unit.noise)
        assigned.append((unit, current))
    if assigned:
        sections.append(Section(current, title, start, len(document.text)))
    return [s for s in sections if s.end > s.start], assigned


# -- items --------------------------------------------------------------------------------

def _items(document: Document, unit: _Unit, section: PostingSection,
           prose: bool) -> list[Requirement]:
    text = unit.text
    if not unit.listy and text.rstrip().endswith(":") and not prose:
        return []  # a lead-in such as "The ideal candidate will have:"
    pieces: list[tuple[int, int]] = []
    numbered = _is_number(unit.marker)
    if unit.listy:
        pieces.append((0, len(text)))
    else:
        pos = 0
        depth: list[int] | None = None
        for match in _SENTENCE_END.finditer(text):
            if depth is None:
                depth = _paren_depths(text)
            before = text[max(0, match.start() - 6):match.start()].lower()
            if depth[match.start()] or before.endswith(_ABBREVIATIONS):
                continue  # "(e.g. Oracle, SAP)" is one sentence
            pieces.append((pos, match.start()))
            pos = match.end()
        pieces.append((pos, len(text)))
    found: list[Requirement] = []
    for lo, hi in pieces:
        for a, b in _semicolon_parts(text, lo, hi, enumerated=numbered):
            item = _make_item(document, unit.start + a, unit.start + b, section, prose,
                              unit.listy)
            if item is not None:
                found.append(item)
    return found


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "incl.", "vs.", "approx.", "no.", "min.", "max.", "dr.",
                  "mr.", "ms.", "st.", "jr.", "sr.", "inc.", "co.", "ltd.")


def _paren_depths(text: str) -> list[int]:
    depth = 0
    depths: list[int] = []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        depths.append(depth)
    depths.append(0)
    return depths


_ENDS_ON_FUNCTION_WORD = re.compile(r"\b(?:with|of|in|and|or|including|on|for|to)\s*$",
                                    re.IGNORECASE)
# A part after a semicolon that only qualifies the one before it.
_QUALIFIES = re.compile(r"\s*(?:preferably|ideally|especially|particularly|e\.\s?g|i\.\s?e|"
                        r"including|such as|for example)\b", re.IGNORECASE)


def _semicolon_parts(text: str, lo: int, hi: int, enumerated: bool) -> list[tuple[int, int]]:
    chunk = text[lo:hi]
    if enumerated or ";" not in chunk:
        return [(lo, hi)]
    parts: list[tuple[int, int]] = []
    pos = 0
    for match in re.finditer(r";", chunk):
        if _QUALIFIES.match(chunk, match.end()) or _ENDS_ON_FUNCTION_WORD.search(
                chunk, 0, match.start()):
            # "Hold a degree; preferably within ...", "knowledge and experience with;
            # hydraulics, pneumatics": one item
            continue
        parts.append((pos, match.start()))
        pos = match.end()
    parts.append((pos, len(chunk)))
    words = [len(re.sub(r"^\s*(?:and|or)\b", "", chunk[a:b]).split()) for a, b in parts]
    if len(parts) < 2 or min(words) < 1 or sum(1 for w in words if w >= 2) < 2:
        return [(lo, hi)]
    return [(lo + a, lo + b) for a, b in parts]


def _make_item(document: Document, start: int, end: int, section: PostingSection,
               prose: bool, listy: bool = False) -> Requirement | None:
    found = _item_of_line(document.text[start:end], section, prose, listy)
    if found is None:
        return None
    lo, stripped, strength, kind, years, degree = found
    return Requirement(
        id="", text=stripped, start=start + lo, end=start + lo + len(stripped),
        section=section, strength=strength, kind=kind, years=years, degree=degree)


_ItemFields = tuple[int, str, Strength, RequirementKind, YearsDetail | None, DegreeDetail | None]


@lru_cache(maxsize=16384)
def _item_of_line(text: str, section: PostingSection, prose: bool,
                  listy: bool) -> _ItemFields | None:
    """What one line asks, with its offset into ``text``: a pure function of the line and its
    place, and postings of one employer or board repeat their lines from posting to posting."""
    lead = _LEADING_CONJUNCTION.match(text)
    lo = lead.end() if lead else 0
    body = text[lo:]
    body = _TRAILING_CONJUNCTION.sub("", body)
    body = _TRAILING.sub("", body)
    stripped = body
    if not stripped:
        return None
    words = stripped.split()
    if len(words) < 2 and not re.search(r"[A-Z]{2,}|\d", stripped) and not (
            listy and stripped[:1].isupper() and len(stripped) > 2):
        return None  # a lone word is an item only as its own bullet ("- Airflow")
    if len(_PLACEHOLDER.sub(" ", stripped).split()) < 2 and "<" in stripped:
        return None  # "<CONTACT> <CONTACT>": a de-identified contact line, nothing asked
    if not re.search(r"[A-Za-z]{2}", stripped):
        return None  # "1", "2)": an enumerator left alone
    if stripped.endswith(("...", "\u2026")) and len(stripped.split()) <= 8:
        return None  # "Successful mechanics will possess...": a lead-in, its items follow
    if _DANGLING.search(stripped):
        return None  # "You could be our next teammate if you": a lead-in, its items follow
    if (_APPLICATION.search(stripped) or _DETAIL_LINE.search(stripped)
            or _SCHEDULE_ONLY.match(stripped)):
        return None
    if ((_NEGATION.search(stripped) and not _STILL_WELCOME.search(stripped))
            or (stripped.endswith("?") and not listy)):
        return None  # "Danish skills are not necessary"; "Are you our new colleague?"
    if _OFFERED.search(stripped) or _GIVES.search(stripped):
        return None  # "You can expect a dynamic work life ...": what the job offers
    if (not listy and _ABOUT_THE_JOB.search(stripped) and not (
            _REQUIREMENT_SENTENCE.search(stripped) or _CANDIDATE.search(stripped)
            or _ASK_WORDS.search(stripped))):
        return None  # a sentence about the job or the company, in a posting without bullets
    if not listy and _WE_SPEAK.search(stripped) and not _TO_THE_CANDIDATE.search(stripped):
        return None  # "We have a mix of skills in our team": the company's own, asked of no one
    if prose and not (_REQUIREMENT_SENTENCE.search(stripped) or (
            section in (PostingSection.REQUIREMENTS, PostingSection.PREFERRED)
            and (_CANDIDATE.search(stripped) or _about_candidate(stripped)))):
        # A sentence of a requirements paragraph counts when it asks something or describes
        # the candidate ("You work in a structured and targeted manner").
        return None
    if _legal(stripped) or _SUBSTITUTION.search(stripped):
        return None
    describes = _ROLE_SUBJECT.match(stripped)
    if describes and JOB_TITLE.search(describes.group(1)) and "candidate" not in describes.group(1):
        return None  # "The Specialty Educator will have ..." describes the job, not the person
    if _JOINS.search(stripped):
        return None  # "The candidate will become a member of the Section ...": where one works
    years = parse_years(stripped)
    degree = parse_degree(stripped)
    if degree is not None and degree.level is DegreeLevel.HIGH_SCHOOL and years is not None:
        degree = None
    # "(PostgreSQL preferred)" prefers one option; it does not make the item optional.
    # "5+ years of experience, preferably with E&P companies" prefers a kind of it, the same.
    plain = re.sub(r"\([^)]*\)", "", stripped)
    extra = PREFERRED_EXTRA.search(plain)
    plain = plain[:extra.start()] if extra else plain
    nice = _NICE_WORDS.search(plain) or _NICE_MARK.search(stripped)
    if nice or (section is PostingSection.PREFERRED and not _MUST_WORDS.search(stripped)):
        strength = Strength.NICE
    else:
        strength = Strength.MUST
    return lo, stripped, strength, _kind(stripped, years, degree), years, degree


_LEADING_CONJUNCTION = re.compile(r"^\s*(?:(?:and|or)\s+)?", re.IGNORECASE)
_TRAILING_CONJUNCTION = re.compile(r"(?:[;,]\s*(?:or|and)|\s+or)\s*$", re.IGNORECASE)


def _kind(text: str, years: YearsDetail | None, degree: DegreeDetail | None) -> RequirementKind:
    if degree is not None and degree.level >= DegreeLevel.ASSOCIATE:
        return RequirementKind.DEGREE
    if years is not None:
        return RequirementKind.YEARS
    if degree is not None:
        return RequirementKind.DEGREE
    if _CERT_WORDS.search(text):
        return RequirementKind.CERT
    soft = _SOFT_WORDS.search(text)
    skill = _SKILL_WORDS.search(text)
    if soft and not (skill and skill.start() < soft.start()):
        return RequirementKind.SOFT
    if skill:
        return RequirementKind.SKILL
    return RequirementKind.OTHER


def _apply_substitutions(requirements: list[Requirement],
                         assigned: list[tuple[_Unit, PostingSection]]) -> list[Requirement]:
    """"Experience may be substituted for the required degree": the degree allows equivalence."""
    substitutes = any(
        section is PostingSection.REQUIREMENTS and _DEGREE_SUBSTITUTE.search(unit.text)
        and re.search(r"degree|college|education", unit.text, re.IGNORECASE)
        for unit, section in assigned)
    if not substitutes:
        return requirements
    return [replace(r, degree=replace(r.degree, equivalent_experience=True))
            if r.degree is not None and r.section is PostingSection.REQUIREMENTS else r
            for r in requirements]


def _number_and_group(requirements: list[Requirement],
                      assigned: list[tuple[_Unit, PostingSection]]) -> list[Requirement]:
    """Give ids; numbered items joined by "or" become one group of alternatives."""
    result: list[Requirement] = []
    group_index = 0
    index = 0
    units = _UnitIndex(assigned)
    while index < len(requirements):
        run_end = index
        # A run of numbered items ("1. ...; or", "2. ...") in the same section.
        while (run_end + 1 < len(requirements)
               and requirements[run_end + 1].section is requirements[index].section
               and _is_numbered(requirements[run_end], units)
               and _is_numbered(requirements[run_end + 1], units)):
            run_end += 1
        run = requirements[index:run_end + 1]
        mode = None
        if len(run) > 1:
            joined = [_joiner(r, units) for r in run[:-1]]
            if "or" in joined:
                mode = "any"
            elif joined and all(j == "and" for j in joined):
                mode = "all"
        if mode:
            group_index += 1
            run = [replace(r, group=f"g{group_index}", group_mode=mode) for r in run]
        result.extend(run)
        index = run_end + 1
    return [replace(r, id=f"r{i + 1}") for i, r in enumerate(result)]


class _UnitIndex:
    """Finds the unit a requirement came from by bisection (a long posting has thousands)."""

    def __init__(self, assigned: list[tuple[_Unit, PostingSection]]) -> None:
        self.units = [unit for unit, _ in assigned]
        self.starts = [unit.start for unit in self.units]

    def unit_for(self, requirement: Requirement) -> _Unit | None:
        index = bisect.bisect_right(self.starts, requirement.start) - 1
        # Units are in document order: the one found, or an empty one before it, holds it.
        while index >= 0:
            unit = self.units[index]
            if unit.start <= requirement.start < max(unit.end, unit.start + 1):
                return unit
            if unit.start < unit.end <= requirement.start:
                return None
            index -= 1
        return None


def _is_number(marker: str) -> bool:
    return bool(re.match(r"^\(?\d{1,2}[.)]$", marker))


def _is_numbered(requirement: Requirement, units: _UnitIndex) -> bool:
    unit = units.unit_for(requirement)
    return unit is not None and _is_number(unit.marker)


def _joiner(requirement: Requirement, units: _UnitIndex) -> str | None:
    unit = units.unit_for(requirement)
    if unit is None:
        return None
    if _OR_END.search(unit.text):
        return "or"
    if _AND_END.search(unit.text):
        return "and"
    return None


# -- title and company ------------------------------------------------------------------------

def _title_and_company(units: list[_Unit], sections: list[Section]) -> tuple[str | None, str | None]:
    title: str | None = None
    company: str | None = None
    for unit in units[:15]:
        labelled = re.match(r"^(?:job\s+)?(title|position|role|company|employer|organi[sz]ation)"
                            r"\s*:\s*(.+)$", unit.text.strip(), re.IGNORECASE)
        if labelled:
            if labelled.group(1).lower() in ("title", "position", "role"):
                title = title or labelled.group(2).strip()
            else:
                company = company or labelled.group(2).strip()
    candidates = [u for u in units[:25] if not u.noise and u.heading is None
                  and 1 <= len(u.text.split()) <= 12 and not u.text.rstrip().endswith((".", "?"))
                  and (u.text.strip()[:1].isupper() or JOB_TITLE.search(u.text) is not None)
                  and len(re.findall(r"[A-Za-z]", u.text)) > 2 * len(re.findall(r"\d", u.text))
                  and not _asks_of_candidate(u.text)]  # not "5/10/24, 11:52 AM"
    first_heading = next((i for i, u in enumerate(units) if u.heading is not None), len(units))
    # Positions by identity: list.index would compare units field by field.
    position = {id(u): i for i, u in enumerate(units)}
    before = [u for u in candidates if position[id(u)] < first_heading]
    if title is None:
        titled = next((u for u in candidates if JOB_TITLE.search(u.text)), None)
        # Without a job-title word, only a line above the first section can be the title.
        chosen = titled or (before[0] if before else None)
        if chosen is not None:
            title = chosen.text.strip()
            doubled = re.fullmatch(r"(.{8,}?)\s*\1", title)
            if doubled:  # "Director, CloudDirector, Cloud": a copied title pasted twice
                title = doubled.group(1)
            at = re.match(r"^(.+?)\s+(?:at|@)\s+(.+)$", title)
            if at:
                title, company = at.group(1), company or at.group(2)
            following = units[position[id(chosen)] + 1:position[id(chosen)] + 3]
            for unit in following:
                if unit.heading is not None or unit.listy:
                    break
                if unit.noise:
                    continue
                text = unit.text.strip()
                if (company is None and 1 <= len(text.split()) <= 5 and not re.search(r"\d", text)
                        and not JOB_TITLE.search(text) and text[:1].isupper()):
                    company = text
                break
    if title is None:
        for unit in units[:10]:
            seeking = re.search(r"\b(?:seeking|hiring|looking for|recruiting)\s+an?\s+((?:[A-Z][\w/&+.-]*"
                                r"\s?){1,6})", unit.text)
            if seeking:
                title = seeking.group(1).strip()
                break
    if company is None:
        company = _frequent_employer(units)
    if company is None:
        for section in sections:
            about = re.match(r"^about\s+(?!us\b|the\b|you\b|this\b|our\b)(.+)$", section.title,
                             re.IGNORECASE)
            if about:
                company = about.group(1).strip()
                break
    return title, company


def _frequent_employer(units: list[_Unit]) -> str | None:
    """A name the posting repeats after "at", "join" or as "City of ..." (Google, City of LA)."""
    text = " ".join(u.text for u in units if not u.noise)
    counts: dict[str, int] = {}
    strong: dict[str, int] = {}
    for match in _EMPLOYER_MENTION.finditer(text):
        name = re.sub(r"['\u2019]s$", "", (match.group(2) or match.group(3)).strip())
        if name.lower() in _NOT_EMPLOYERS or JOB_TITLE.search(name):
            continue
        counts[name] = counts.get(name, 0) + 1
        # "with Python", "for AWS" name tools as often as employers; "at" and "join" do not.
        if match.group(3) or (match.group(1) or "").lower() in ("at", "join", "joining"):
            strong[name] = strong.get(name, 0) + 1
    # "at Google" twice beats "with SoC manufacturers" three times and "at SoC partners" once.
    for name in sorted(counts, key=lambda n: (-strong.get(n, 0), -counts[n])):
        if name in strong and text.count(name) >= 2 and \
                len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2:
            return name
    return None


_EMPLOYER_MENTION = re.compile(
    r"\b(at|join|joining|with|for)\s+((?:The\s+)?[A-Z][\w&'\u2019-]*(?:\.\w+)*"  # Booking.com, not "Google."
    r"(?:\s+(?:of\s+)?[A-Z][\w&'-]*(?:\.\w+)*){0,3})"
    r"|\b((?:City|County|State) of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
_NOT_EMPLOYERS = {"us", "our", "the", "this", "a", "an", "we", "you", "least", "minimum"}

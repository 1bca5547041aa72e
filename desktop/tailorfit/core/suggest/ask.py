"""Ask, do not write: a skill the resume shows nowhere becomes a question.

"Have you used Kubernetes?" Yes (kept in the truth bank) turns it into an addition to the
skills section in the document's own separator style, plus a bullet to fill in; "Not true for
me" hides it for this and every later posting. Nothing is added before the user says yes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from tailorfit.core.export.suggestions import list_separator
from tailorfit.core.kinds import RequirementKind, Status, Strength
from tailorfit.core.match.result import Verdict
from tailorfit.core.model import Position
from tailorfit.core.parse.resume import ResumeSection
from tailorfit.core.suggest.context import Context
from tailorfit.core.suggest.model import Change, Kind, Suggestion
from tailorfit.core.suggest.naming import term_form
from tailorfit.core.suggest.score import score_if_met
from tailorfit.core.suggest.verbs import is_common_word

# Categories a person "has used": tools and techniques. Degrees, licences and soft skills need
# a document or a story, not a yes. In the domain categories only named products are asked
# about ("Salesforce", "QuickBooks", "Epic"), not fields of work ("logistics", "e-commerce").
TOOLS = frozenset({"language", "framework", "library", "database", "cloud", "devops",
                   "security", "data", "ml", "os", "protocol", "tool"})
TECHNIQUES = frozenset({"methodology", "concept"})
PRODUCTS_ONLY = frozenset({"clinical", "finance", "sales", "marketing", "education", "design",
                           "operations"})
# Any verdict short of met may hide a skill the resume never names: "C#, ASP.NET and SQL Server"
# partly met through SQL Server still asks about C#. Terms the resume holds are never asked.
_NOT_ASKED_RULES = frozenset({"listed-only"})


def ask_suggestions(ctx: Context) -> Iterator[Suggestion]:
    """At most ``max_questions`` questions: must-haves first, then by what each would add."""
    found = list(_questions(ctx))
    title = (ctx.analysis.posting.title or "").lower()
    in_title = {s.term for s in found if s.term and any(
        form.lower() in title for form in _forms(ctx, s.term))}
    # Within a strength, named tools before practices: "Have you used Kafka?" helps more than
    # "Do you have experience with scalability?".
    found.sort(key=lambda s: (_strength_rank(ctx, s), s.term not in in_title,
                              _is_technique(ctx, s.term), -s.score_delta))
    # A resume far from the posting gets questions on its must-haves only: a pile of
    # nice-to-have questions hides the gaps that matter.
    weak_fit = ctx.analysis.score < ctx.rules.weak_fit_score
    questions = 0
    for suggestion in found:
        if suggestion.rule == "ask-skill":
            if weak_fit and _strength_rank(ctx, suggestion):
                continue
            questions += 1
            if questions > ctx.rules.max_questions:
                continue
        yield suggestion


def _is_technique(ctx: Context, term: str | None) -> bool:
    return term is not None and ctx.lexicon[term].category in TECHNIQUES


def _forms(ctx: Context, term: str) -> list[str]:
    entry = ctx.lexicon[term]
    return [f for f in (entry.name, *entry.aliases, *entry.abbreviations) if len(f) > 1]


def _strength_rank(ctx: Context, suggestion: Suggestion) -> int:
    from tailorfit.core.kinds import Strength

    verdict = next((v for v in ctx.analysis.verdicts
                    if v.requirement.id == suggestion.requirement_id), None)
    return 0 if verdict is not None and verdict.requirement.strength is Strength.MUST else 1


def _questions(ctx: Context) -> Iterator[Suggestion]:
    asked: set[str] = set()
    for verdict in ctx.analysis.verdicts:
        if verdict.status is Status.MET or verdict.rule in _NOT_ASKED_RULES:
            continue
        if verdict.requirement.kind not in _ASKED_KINDS:  # "2 years of Rails": ask about Rails
            continue
        per_requirement = 0
        if _alternatives(verdict) and any(t in ctx.held_terms for t in verdict.terms):
            continue  # "Java, Python or Go": the resume's Java answers it
        if _group_met(ctx, verdict):
            continue  # "one or more of the following areas": another of them is met
        # "Workflow orchestration (Airflow)": ask about the tool the posting names, not the
        # class it belongs to.
        named = set(verdict.terms)
        specific = [t for t in verdict.terms
                    if not any(t in ctx.lexicon.ancestors(o) for o in named if o != t)]
        for term in specific:
            entry = ctx.lexicon.entries.get(term)
            if entry is None or term in asked or term in ctx.held_terms or term in ctx.denied:
                continue
            form = term_form(ctx, verdict, term)
            if entry.category in PRODUCTS_ONLY and not _product(ctx, verdict, term):
                continue
            if entry.category not in TOOLS | TECHNIQUES | PRODUCTS_ONLY or entry.broad:
                continue
            if entry.category == "concept" and \
                    verdict.requirement.strength is not Strength.MUST:
                continue  # "design patterns" in a nice-to-have list: not worth a question
            if entry.category in TECHNIQUES and _partly_shown(ctx, term):
                continue  # full-stack work already in the bullets: naming it, not asking
            if entry.not_asked:
                continue  # "Have you used DevOps?": a discipline, not a tool to list
            if any(other in ctx.held_terms for other in entry.not_asked_with):
                continue  # "Have you used HTML?" to a React developer: padding
            asked.add(term)
            yield from _for_term(ctx, verdict, term, form)
            per_requirement += 1
            # "A, B or C" (alternatives) is asked once, about A; "A and B", at most twice.
            if per_requirement >= (1 if _alternatives(verdict) else 2):
                break


_ASKED_KINDS = (RequirementKind.SKILL, RequirementKind.OTHER, RequirementKind.YEARS)


def _group_met(ctx: Context, verdict: Verdict) -> bool:
    """Another member of the requirement's group of alternatives is met."""
    requirement = verdict.requirement
    if not requirement.group or requirement.group_mode != "any":
        return False
    return any(other.requirement.group == requirement.group and other is not verdict
               and other.status is Status.MET for other in ctx.analysis.verdicts)


def _partly_shown(ctx: Context, term: str) -> bool:
    """A practice the bullets already show signs of (shown through work, or one sign)."""
    from tailorfit.core.match.concepts import shown_through_work

    entry = ctx.lexicon[term]
    if not entry.signals:
        return False
    return shown_through_work(entry, ctx.profile).status is not Status.MISSING


_FUNCTION_WORDS = frozenset({"and", "or", "of", "on", "in", "for", "the", "to", "with", "a",
                             "an", "at", "by", "as"})
_PRODUCT_CATEGORIES = frozenset({"language", "framework", "library", "database", "cloud", "os",
                                 "tool"})


def _is_product(written: str, name: str, category: str) -> bool:
    """A product or named tool ("Kafka", "AWS services", "ServiceNow") rather than a practice
    ("database design", "data quality"): asked as "used" rather than "worked with"."""
    words = f"{written} {name}".split()
    if category in _PRODUCT_CATEGORIES and len(name.split()) == 1:
        return True
    if category in _ITEM_CATEGORIES:
        return True  # "Ruby on Rails", "Spring Boot", "SQL Server": named products
    for word in words:
        core = word.strip("(),.")
        if any(c.isdigit() or c in "+#./" for c in core) or any(
                c.isupper() for part in core.split("-") for c in part[1:]):
            return True  # "AWS", "MLOps", "C++", "Node.js"; not "Domain-Driven"
        parts = [p for p in core.split("-") if len(p) > 1  # "E-commerce": "commerce"
                 and p.lower() not in _FUNCTION_WORDS]
        if parts and not all(is_common_word(p) for p in parts):
            return True  # "Kafka", "Salesforce": not an English word
    return False


def _asked_form(ctx: Context, term: str, written: str) -> str:
    """The name to ask about: the lexicon's form that the posting wrote ("information security",
    "Lean"), in the lexicon's casing ("PostgreSQL" for "POSTGRESQL"); the display name when
    the posting wrote no form of it as such. Asking about "Lean Manufacturing" when the
    posting said "lean tools" or about "Cybersecurity" for "information security" names
    something the posting did not ask."""
    entry = ctx.lexicon[term]
    folded = written.casefold().strip()
    if written in entry.abbreviations:
        return written  # "IAM", not "Identity and Access Management"
    name_words = set(re.findall(r"[a-z0-9+#]+", entry.display_name.casefold()))
    squeezed = re.sub(r"[\s-]", "", folded)
    if squeezed == re.sub(r"[\s-]", "", entry.display_name.casefold()):
        return entry.display_name  # "Micro Services" is the name spelled apart: "Microservices"
    for form in (entry.name, *entry.aliases):
        if form.casefold() == folded:
            if form == entry.name or name_words <= set(re.findall(r"[a-z0-9+#]+", folded)) \
                    or len(form.split()) >= 3:
                # "Linux environment", "SQL programming": the name plus a filler word;
                # "methodologies of instruction": a phrase, not a name to list
                return entry.display_name
            return form
    return entry.display_name


def _in_list_case(form: str, line: str) -> str:
    """"test-driven development" written as the list around it writes its items: "Test-Driven
    Development" in a list of capitalised names; a name with capitals of its own as it is."""
    if form != form.lower():
        return form
    items = [i.strip() for i in re.split(r"[,;|•·/]|:\s", line) if i.strip()]
    capitalised = sum(1 for i in items if i[:1].isupper())
    if items and capitalised * 2 > len(items):
        return re.sub(r"(?<![\w'])([a-z])", lambda m: m.group(1).upper(), form)
    return form


def _alternatives(verdict: Verdict) -> bool:
    requirement = verdict.requirement
    return requirement.group_mode == "any" or bool(re.search(
        r"\b(?:or|such as|e\.g\.|for example|including|like)\b|/", requirement.text,
        re.IGNORECASE))


def _product(ctx: Context, verdict: Verdict, term: str) -> bool:
    """The posting names a product ("Salesforce", "QuickBooks", "SAP"), not a field of work
    ("E-commerce", "Logistics"): capitals inside the name, or a word that is no English word."""
    for hit in ctx.analysis.posting_hits:
        if hit.entry != term or not verdict.requirement.start <= hit.start < \
                verdict.requirement.end:
            continue
        for word in hit.text.split():
            if any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word):
                return True
            parts = [p for p in word.strip("(),.").split("-") if len(p) > 1]
            if parts and not all(is_common_word(p) for p in parts):
                return True
    return False


def _for_term(ctx: Context, verdict: Verdict, term: str, form: str) -> Iterator[Suggestion]:
    category = ctx.lexicon[term].category
    written = form  # how the posting writes it decides between a product and a practice
    form = _asked_form(ctx, term, written)
    confirmed = term in ctx.confirmed
    delta = score_if_met(ctx.analysis, verdict) - ctx.analysis.score
    if _is_product(written, form, category):
        question = f"Have you used {form}?"
    else:  # a practice: "database design", "debugging"; a capitalised name keeps its capitals
        shown = form.lower() if written.islower() else form
        question = f"Do you have experience with {shown}?"
    target = _skills_block(ctx, term)
    if target is None:
        lines = _skills_lines(ctx)
        if lines:  # no line of its kind: a line of its own at the end of Skills
            # Among "Label: items" lines a bare skill would read as part of the list above
            # ("Research Areas: ...", then "React"): it gets the usual "Other:" label.
            labelled = [i for i in lines if re.match(r"[^:,|]{2,40}:\s", ctx.content(i))]
            label = "Other: " if len(labelled) * 2 > len(lines) else ""
            yield from _new_line(ctx, verdict, term, form, lines[-1], confirmed, delta,
                                 question if not confirmed else None, label)
            if confirmed:
                yield from _bullet_to_fill(ctx, verdict, term, form)
            return
    if target is not None:
        lo, hi = ctx.content_range(target)
        before = ctx.document.text[lo:hi]
        body_end = lo + len(before.rstrip(" .;,"))
        separator = list_separator(before)
        if category in TECHNIQUES:  # "test-driven development"; never "Scikit-Learn"
            form = _in_list_case(form, before)
        if not any(sep in before for sep in _SEPARATORS) and ":" not in before[:40]:
            # A skill per line ("• Digital Marketing") or words run together ("Go Python
            # Node.js"): the skill gets a line of its own, like its neighbours.
            yield from _new_line(ctx, verdict, term, form, target, confirmed, delta,
                                 question if not confirmed else None)
            if confirmed:
                yield from _bullet_to_fill(ctx, verdict, term, form)
            return
        yield Suggestion(
            kind=Kind.ASK, rule="confirmed-skill" if confirmed else "ask-skill",
            message=(f"Add {form} to your skills: you said you have used it" if confirmed
                     else question),
            reason=(f"The posting asks for {form} ({verdict.requirement.id}) and the resume "
                    "does not show it. It is added only if it is true."),
            block=target, target_start=lo, target_end=hi, before="", after=form,
            change=Change(body_end, body_end, separator + form),
            requirement_id=verdict.requirement.id, needs_confirmation=not confirmed,
            score_delta=delta, position=Position.INSIDE, term=term)
    if confirmed:
        yield from _bullet_to_fill(ctx, verdict, term, form)


_SEPARATORS = (", ", "; ", " | ", " • ", " · ", " / ")
# Labels of skills lines ("Programming Languages: ...") and the categories they hold.
_LABELS = {
    "language": ("languages", "programming"), "framework": ("frameworks", "libraries"),
    "library": ("libraries", "frameworks"), "database": ("databases", "storage"),
    "cloud": ("cloud", "devops", "infrastructure"),
    "devops": ("devops", "tools", "infrastructure"), "tool": ("tools", "software"),
    "os": ("operating", "systems"), "data": ("data", "analytics", "bi"),
    "ml": ("machine", "ml", "ai"), "methodology": ("methods", "methodologies", "practices",
                                                   "processes"),
    "concept": ("concepts", "practices", "other"), "design": ("design", "ux", "ui"),
    "protocol": ("protocols", "apis", "networking", "infrastructure"),
}
_ALL_LABEL_WORDS = frozenset(w.rstrip("s") for words in _LABELS.values() for w in words)


def _new_line(ctx: Context, verdict: Verdict, term: str, form: str, after_block: int,
              confirmed: bool, delta: int, question: str | None,
              label: str = "") -> Iterator[Suggestion]:
    block = ctx.block(after_block)
    marker = block.text[:block.content_start] + label
    end = ctx.document.block_start(after_block) + len(block.text)
    lo, hi = ctx.content_range(after_block)
    yield Suggestion(
        kind=Kind.ASK, rule="confirmed-skill" if confirmed else "ask-skill",
        message=question or f"Add {form} to your skills: you said you have used it",
        reason=(f"The posting asks for {form} ({verdict.requirement.id}) and the resume does "
                "not show it. It is added only if it is true, on a line of its own like the "
                "skills around it."),
        block=after_block, target_start=lo, target_end=hi, before="", after=form,
        change=Change(end, end, "\n" + marker + form), requirement_id=verdict.requirement.id,
        needs_confirmation=not confirmed, score_delta=delta, position=Position.AFTER, term=term)


def _skills_lines(ctx: Context) -> list[int]:
    """The blocks of the skills sections, headings and page furniture left out."""
    document = ctx.document
    blocks: list[int] = []
    for section in ctx.analysis.resume.sections:
        if section.kind is not ResumeSection.SKILLS:
            continue
        for index in range(document.block_at(section.start),
                           document.block_at(max(section.start, section.end - 1)) + 1):
            lo, hi = ctx.content_range(index)
            if hi > lo and (section.heading is None or lo >= section.heading[1]) \
                    and not _PAGE_MARK.search(ctx.content(index)):
                blocks.append(index)
    return blocks


def _skills_block(ctx: Context, term: str) -> int | None:
    """The skills line to add to: one holding a skill of the same category, or labelled for
    it ("Languages:"), else the last line (often "Other" or "Tools")."""
    blocks = _skills_lines(ctx)
    if not blocks:
        return None
    category = ctx.lexicon[term].category
    # The labels that fit: those of its own category and of the kinds it belongs to
    # (scikit-learn is a library of machine learning: "ML Frameworks:" fits it).
    kinds = {category} | {ctx.lexicon[a].category for a in ctx.lexicon.ancestors(term)
                          if ctx.lexicon[a].category in _FIELD_KINDS}
    labels = tuple(word for kind in sorted(kinds) for word in _LABELS.get(kind, ()))
    # A label on a line of its own over its list ("Languages" / "Go, Python, SQL", a table's
    # two cells): the list takes the label, and the label line takes no skill.
    label_above: dict[int, str] = {}
    for above, below in itertools.pairwise(blocks):
        text = ctx.content(above)
        if below == above + 1 and 1 <= len(text.split()) <= 3 and ":" not in text and \
                not any(sep in text for sep in (",", "|", "•", "·", ";")) and \
                any(sep in ctx.content(below) for sep in (",", "|", "•", "·", ";")):
            label_above[below] = text
    blocks = [i for i in blocks if i + 1 not in label_above]

    own = {label.rstrip("s") for label in labels}

    def label_words(index: int) -> set[str] | None:
        head = ctx.block(index).content.split(":", 1)
        if index in label_above:
            head = [label_above[index], ""]
        if len(head) < 2 or len(head[0].split()) > 4:
            return None
        return {w.rstrip("s") for w in re.findall(r"[a-z]+", head[0].lower())}

    within = ctx.lexicon.ancestors(term) | {term}

    def foreign(index: int) -> bool:
        """"ML Frameworks:" is a place for PyTorch, not for Node.js: a label word of another
        kind of skill qualifies the line ("Research Areas:" is not a place for NoSQL), and a
        field of work takes only its own skills ("Front end:" is no place for Java or SQL)."""
        words = label_words(index)
        if words is None:
            return False
        fields = {_FIELD_LABELS[w] for w in words if w in _FIELD_LABELS}
        if fields and not fields & within:
            return True
        return bool((words & _ALL_LABEL_WORDS) - own - _GENERIC_LABEL_WORDS)

    def label_fits(index: int) -> bool | None:
        """None: the line has no label; else whether its label is for this kind of skill."""
        words = label_words(index)
        if words is None:
            return None
        if words and words <= _GENERIC_LABEL_WORDS:
            # "Tools:", "Other:", "Technical skills:" take any tool; a practice or a field
            # of work ("Business Analysis") never goes under "Tools:" or "Software:" (with no
            # other row it gets a line of its own)
            return category not in _PRACTICES or not words <= _TOOL_LABEL_WORDS
        return bool(words & own) and not foreign(index)

    def led_by_other_class(index: int) -> bool:
        """"Observability | Datadog | PagerDuty": the first item names the row's kind, and
        Linux is not of that kind."""
        lo, _ = ctx.content_range(index)
        hits = sorted(ctx.resume_hits_by_block.get(index, ()), key=lambda h: h.start)
        if len(hits) < 3 or hits[0].start != lo:
            return False
        lead = hits[0].entry
        if ctx.lexicon[lead].category in _ITEM_CATEGORIES:
            return False  # "JavaScript, TypeScript, React": a list of the stack, no label
        # The first item names the row's kind when the others are instances of it
        # ("Observability" over Datadog); "Docker, Kubernetes" is a row of items.
        kinds = ctx.lexicon.descendants(lead)
        return any(h.entry in kinds for h in hits[1:]) and \
            lead not in ctx.lexicon.ancestors(term)

    # A line of spoken languages ("Languages: Swedish, English") takes no tool.
    spoken = {i for i in blocks if category != "human_language" and any(
        ctx.lexicon[h.entry].category == "human_language"
        for h in ctx.resume_hits_by_block.get(i, ()))}
    blocks = [i for i in blocks if i not in spoken]
    if not blocks:
        return None
    # A line holding a skill of the same category ("Soft: ..., Agile" for Scrum), unless
    # its label names another kind.
    for index in blocks:
        if not foreign(index) and any(ctx.lexicon[h.entry].category == category
                                      for h in ctx.resume_hits_by_block.get(index, ())):
            return index
    # A label of its kind or "Other:" before "Tools:" for what is no tool (Java, SQL).
    fitting = [i for i in blocks if label_fits(i)]
    if fitting:
        def tools_only(index: int) -> bool:
            words = label_words(index) or set()
            return bool(words) and words <= _TOOL_LABEL_WORDS and category not in _TOOL_KINDS
        return min(fitting, key=lambda i: (tools_only(i), blocks.index(i)))
    # A labelled line of neighbouring kinds ("Tech: Docker, Git" for Jenkins).
    family = _FAMILY.get(category, frozenset())
    for index in blocks:
        if label_words(index) is not None and not foreign(index) and any(
                ctx.lexicon[h.entry].category in family
                for h in ctx.resume_hits_by_block.get(index, ())):
            return index
    unlabelled = [i for i in blocks if label_fits(i) is None and not led_by_other_class(i)]
    if not unlabelled:
        return None
    # A line of neighbouring kinds of skill ("Go Python Node.js" for jQuery), else the last.
    near = [i for i in unlabelled if any(ctx.lexicon[h.entry].category in family
                                         for h in ctx.resume_hits_by_block.get(i, ()))]
    return (near or unlabelled)[-1]


_ITEM_CATEGORIES = frozenset({"language", "framework", "library", "database"})
# Kinds of work whose label fits their tools too ("ML Frameworks:" for scikit-learn); a
# language is no such kind ("Languages:" is no place for React).
_FIELD_KINDS = frozenset({"ml", "data", "cloud", "devops", "security"})
_GENERIC_LABEL_WORDS = frozenset({"tool", "other", "technical", "skill", "technologie",
                                  "software", "misc", "additional", "and", "tech", "core",
                                  "key", "it"})
_TOOL_KINDS = frozenset({"tool", "devops", "cloud", "os", "security", "protocol", "data", "ml"})
_TOOL_LABEL_WORDS = frozenset({"tool", "software", "technologie", "tech", "it", "and"})
_PRACTICES = frozenset({"concept", "methodology", "management", "soft", "design", "finance",
                        "sales", "marketing", "education", "operations", "clinical"})
# Label words that name a field of work, with the lexicon entry of that field.
_FIELD_LABELS = {"front": "frontend_development", "frontend": "frontend_development",
                 "back": "backend_development", "backend": "backend_development",
                 "mobile": "mobile_development", "testing": "software_testing",
                 "qa": "quality_assurance"}
_PAGE_MARK = re.compile(r"(?:^|\s)(?:\d+\s*/\s*\d+|page\s+\d+(?:\s+of\s+\d+)?)\s*$",
                        re.IGNORECASE)
_FAMILIES = (frozenset({"language", "framework", "library"}), frozenset({"database", "data"}),
             frozenset({"cloud", "devops", "os", "tool", "security", "protocol"}),
             frozenset({"data", "ml"}), frozenset({"methodology", "concept"}))
_FAMILY = {c: frozenset().union(*(f for f in _FAMILIES if c in f)) for f in _FAMILIES for c in f}


def _bullet_to_fill(ctx: Context, verdict: Verdict, term: str, form: str) -> Iterator[Suggestion]:
    """A new bullet under the latest role, with the facts left for the user to write."""
    lines = [line for line in ctx.lines if line.role is not None]
    if not lines:
        return
    role = lines[0].role
    last = [line for line in lines if line.role is role][-1]
    block = ctx.block(last.block)
    marker = block.text[:block.content_start]
    verb = "Use" if last.current else "Used"
    text = f"{verb} {form} to [what you did], [result: X% / number]"
    end = ctx.document.block_start(last.block) + len(block.text)
    yield Suggestion(
        kind=Kind.ASK, rule="bullet-to-fill",
        message=f"Show how you used {form}",
        reason=(f"You said you have used {form}; a bullet that shows it in use meets "
                f"{verdict.requirement.id} better than a list entry. Fill in the brackets."),
        block=last.block, target_start=last.start, target_end=last.end, before="", after=text,
        change=Change(end, end, "\n" + marker + text), requirement_id=verdict.requirement.id,
        needs_confirmation=True, position=Position.AFTER, term=term)

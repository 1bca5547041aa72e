"""Requirements that name skills: slots joined by "and", alternatives by "or", examples of a
kind after "such as", and the head of an ask with what qualifies it.

- "Kubernetes and Terraform": two parts, each asked (rule some-parts when one is missing).
- "Python, Java, or Go": one choice.
- "BI tools such as Tableau, Looker, etc.": the list illustrates a kind; another member of
  the kind in use meets it (rule same-class).
- "ORM frameworks for Java such as Hibernate", "memory management in C++": the framework or
  the technique is the head of the ask and the language only qualifies it. The language alone
  is at most partial (rule qualifier-only); the head shown in another language is partial
  (rule other-language).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from weakref import WeakKeyDictionary

from tailorfit.core.lexicon.entry import Entry
from tailorfit.core.lexicon.terms import TermHit
from tailorfit.core.match.concepts import shown_through_work
from tailorfit.core.match.parts import NOTHING, Part, Rule, all_of, any_of, capped, nothing
from tailorfit.core.match.profile import Profile
from tailorfit.core.match.result import Status
from tailorfit.core.match.words import content_stems, find_phrase, stem, stems_of_phrase, words
from tailorfit.core.match.years import role_line
from tailorfit.core.parse.posting import Requirement, RequirementKind
from tailorfit.core.parse.resume import ResumeSection
from tailorfit.core.parse.vocab import PREFERRED_EXTRA

DEMANDING = re.compile(r"\b(?:expert|expertise|deep|extensive|advanced|mastery|in-depth|"
                       r"strong command|highly proficient)\b", re.IGNORECASE)
# Examples of a kind, any one of which will do ("such as", "e.g.", "like"). "including" and a
# bare parenthesis list parts instead (benchmarks/cases/README.md, "Lists").
EXAMPLE_CUE = re.compile(r"\b(?:one or more of|any of|one of|either|such as|e\.g\.?|"
                         r"for example|for instance|like)\b", re.IGNORECASE)
_ALTERNATIVES = re.compile(r"\b(?:or|e\.g\.?|such as|for example|like|etc\.?)\b|/",
                           re.IGNORECASE)
_SLOT_SPLIT = re.compile(r",|;|\band\b(?!\s*/\s*or)|\bas well as\b|&", re.IGNORECASE)
_KIND_NOUN = re.compile(r"\b(?:librar(?:y|ies)|frameworks?)\W*$", re.IGNORECASE)
_OR = re.compile(r"\bor\b|/|\beither\b", re.IGNORECASE)
_OR_ITEM = re.compile(r"(?:^|[\s/])or\s", re.IGNORECASE)
# "Web services, SOAP APIs etc.": a list that ends in "etc." gives examples, like "such as".
_ETC_ITEM = re.compile(r"\s(?:etc\b\.?|and so on\b)\s*$", re.IGNORECASE)
# "X in/for/with/using/on Y": Y qualifies X (the text before Y ends with the preposition).
_QUALIFIES = re.compile(r"\b(?:in|for|with|using|on|of|via|within)\s+(?:the\s+)?$",
                        re.IGNORECASE)
# Kinds of things where a close alternative partly transfers (PostgreSQL for MySQL, Azure for
# AWS, Jenkins for GitHub Actions). Knowing Java is not knowing Go, and a neighbouring concept
# is not the concept, so languages and concepts get no credit from siblings.
SUBSTITUTABLE = frozenset({"database", "cloud", "devops", "tool", "framework", "library", "data",
                           "methodology", "ml", "security", "os", "clinical", "finance", "design",
                           "marketing", "sales", "education", "operations", "certificate",
                           "license"})
QUALIFIER_CATEGORIES = frozenset({"language"})
# Named products, as opposed to concepts, practices and kinds of work.
_PRODUCTS = frozenset({"tool", "framework", "library", "database", "cloud", "os", "protocol"})

_MEMO: WeakKeyDictionary[Profile, dict[tuple[str, str, bool, bool], Part]] = WeakKeyDictionary()


def remembered(profile: Profile, key: tuple[str, str, bool, bool],
               compute: Callable[[], Part]) -> Part:
    """A single-skill verdict computed once per resume: many lines name the same skill."""
    memo = _MEMO.setdefault(profile, {})
    known = memo.get(key)
    if known is None:
        known = memo[key] = compute()
    return known


# -- one named skill -------------------------------------------------------------------------

def term_part(entry_id: str, profile: Profile, demanding: bool, near: bool = False) -> Part:
    """One named skill. ``near``: a neighbouring soft skill counts for some (soft items)."""
    return remembered(profile, ("term", entry_id, demanding, near),
                      lambda: _term(entry_id, profile, demanding, near))


def _term(entry_id: str, profile: Profile, demanding: bool, near: bool) -> Part:
    from tailorfit.core.match.soft import soft_part  # soft skills have rules of their own

    lexicon = profile.lexicon
    entry = lexicon[entry_id]
    name = entry.name
    if entry.soft:
        return soft_part(entry_id, profile, near=near)
    direct = profile.by_entry.get(entry_id, [])
    if not direct and entry.category == "human_language" and profile.resume_language == name:
        return Part(Status.MET, (), f"The resume is written in {name}: "
                                    f"{Rule.RESUME_LANGUAGE.label}", Rule.RESUME_LANGUAGE)
    if direct:
        used = [h for h in direct if profile.in_use(h)]
        evidence = profile.evidence_of(direct, 4)
        first = (used or direct)[0]
        if demanding and not used:
            return Part(Status.PARTIAL, evidence,
                        f"{name} is listed ({profile.where(first.start)}) but no use of it is "
                        f"shown, and the posting asks for expertise: {Rule.LISTED_ONLY.label}",
                        Rule.LISTED_ONLY)
        return Part(Status.MET, evidence, f"{first.text} ({profile.where(first.start)})",
                    Rule.NAMED)
    specific = profile.specific.get(entry_id, [])
    if specific:
        used = [h for h in specific if profile.in_use(h)] or specific
        hit = used[0]
        return Part(Status.MET, profile.evidence_of(specific, 3),
                    f"{hit.text} ({profile.where(hit.start)}) counts as {name}: "
                    f"{Rule.MORE_SPECIFIC.label}", Rule.MORE_SPECIFIC)
    work = shown_through_work(entry, profile)
    if work.status is Status.MET:
        return work
    if entry.core_of_titles and not demanding:
        titled = role_title_part(entry, profile)
        if titled is not None:
            return titled
    weaker = _weaker(entry_id, profile)
    if weaker is not None:
        return weaker
    if work.status is Status.PARTIAL:
        return work
    return nothing(f"No {name} or a related skill in the resume")


def role_title_part(entry: Entry, profile: Profile) -> Part | None:
    """Rule role-title: a dated role whose title is an occupation the entry is the core of.

    A Mathematics Teacher's years show methods of instruction, a Software Engineer's years
    writing and debugging code, though no bullet names them. Only the latest such role is
    cited; an employer's name never counts ("Teachers' Credit Union").
    """
    titles = [stems_of_phrase(t) for t in entry.core_of_titles]
    roles = [r for r in profile.resume.roles
             if r.dates is not None and r.section is ResumeSection.EXPERIENCE and r.title
             and any(find_phrase(t, [stem(w) for w in words(r.title)]) >= 0 for t in titles)]
    if not roles:
        return None
    latest = max(roles, key=lambda r: (r.dates.end.index if r.dates is not None else 0, -r.start))
    line = role_line(latest, profile.resume.document.text, profile, 2)
    more = f", the latest of {len(roles)} such roles" if len(roles) > 1 else ""
    title = (latest.title or "").strip()
    title += ")" * max(0, title.count("(") - title.count(")"))  # "(part-time, 25 hrs/week"
    return Part(Status.MET, (line,),
                f'"{title}" ({line.where}{more}) is a role whose core work is '
                f"{entry.display_name.lower()}: {Rule.ROLE_TITLE.label}", Rule.ROLE_TITLE)


def _weaker(entry_id: str, profile: Profile) -> Part | None:
    """Related or broader evidence: partial at best."""
    lexicon = profile.lexicon
    entry = lexicon[entry_id]
    name = entry.name
    # A close alternative is a thing of the same category (MySQL for PostgreSQL); the language
    # a tool is written in is no alternative to the tool.
    siblings = lexicon.related(entry_id) if entry.category in SUBSTITUTABLE else frozenset()
    # The first in the resume, not the first of a set: the same pair gives the same reason.
    related = sorted((h for r in siblings for h in profile.by_entry.get(r, [])
                      if lexicon[r].category == entry.category), key=lambda h: h.start)
    if related:
        hit = related[0]
        return Part(Status.PARTIAL, profile.evidence_of(related, 1),
                    f"Only {hit.text} ({profile.where(hit.start)}), which is related to {name}: "
                    f"{Rule.RELATED_ONLY.label}", Rule.RELATED_ONLY)
    # ... or shown through an instance of it: PostgreSQL shows relational databases, which
    # database design works with. A language shows no alternative of its own.
    instances = sorted((h for r in siblings if lexicon[r].category == entry.category
                        and not lexicon[r].broad for h in profile.specific.get(r, ())
                        if lexicon[h.entry].category != "language"), key=lambda h: h.start)
    if instances:
        hit = instances[0]
        other = next(r for r in siblings if hit in profile.specific.get(r, ()))
        return Part(Status.PARTIAL, profile.evidence_of(instances, 1),
                    f"Only {hit.text} ({profile.where(hit.start)}), which shows "
                    f"{lexicon[other].name}, related to {name}: {Rule.RELATED_ONLY.label}",
                    Rule.RELATED_ONLY)
    # Only a direct, specific parent counts ("Kubernetes" for "GKE"), not "programming".
    parents = [h for a in entry.implies if not lexicon[a].broad
               for h in profile.by_entry.get(a, [])]
    if parents:
        hit = parents[0]
        return Part(Status.PARTIAL, profile.evidence_of(parents, 0),
                    f"Only the broader {hit.text} ({profile.where(hit.start)}); {name} itself "
                    f"is not named: {Rule.BROADER_ONLY.label}", Rule.BROADER_ONLY)
    if entry.category in SUBSTITUTABLE:
        # The parent shown through another instance of it: nursing (from "RN") for
        # "ambulatory care", both clinical care. Not for languages: Java shows no Go.
        for parent in entry.implies:
            shown = [h for h in profile.specific.get(parent, ())
                     if not lexicon[parent].broad and lexicon[h.entry].category != "language"]
            if shown:
                hit = shown[0]
                return Part(Status.PARTIAL, profile.evidence_of(shown, 0),
                            f"Only {hit.text} ({profile.where(hit.start)}), which shows the "
                            f"broader {lexicon[parent].name}; {name} itself is not named: "
                            f"{Rule.BROADER_ONLY.label}", Rule.BROADER_ONLY)
    from tailorfit.core.match.soft import soft_part

    # A skill whose lexicon entry relates it to soft skills (people management to leadership):
    # those shown in a bullet are weaker evidence of it.
    for other in sorted(lexicon.related(entry_id) | set(entry.implies)):
        if lexicon[other].soft:
            demonstrated = soft_part(other, profile)
            if demonstrated.status is Status.MET:
                bullet = demonstrated.evidence[0]
                return Part(Status.PARTIAL, demonstrated.evidence,
                            f'No {name} named, but "{bullet.text}" ({bullet.where}) shows '
                            f"{lexicon[other].name.lower()}: {Rule.RELATED_ONLY.label}",
                            Rule.RELATED_ONLY)
    return None


def example_part(entry_id: str, profile: Profile, demanding: bool,
                 kinds: frozenset[str]) -> Part:
    """An example of a kind ("Tableau" in "BI tools such as Tableau"): the example itself, or
    another member of the kind (rule same-class), in use or listed as for any skill; only
    listed, it is partial where the line asks for expertise."""
    part = term_part(entry_id, profile, demanding)
    if part.status is Status.MET:
        return part
    if part.rule is Rule.BROADER_ONLY:  # R is no visualisation tool like ggplot
        part = nothing(f"No {profile.lexicon[entry_id].name} or a tool like it")
    lexicon = profile.lexicon
    if not kinds:
        return part
    members = []
    for other, hits in profile.by_entry.items():
        if other == entry_id or other in kinds or other in lexicon.ancestors(entry_id):
            continue
        if lexicon.ancestors(other) & kinds:
            members.append((other, hits))
    used = [(o, h) for o, h in members if any(profile.in_use(x) for x in h)]
    if used or (members and not demanding):
        other, hits = (used or members)[0]
        hit = next((x for x in hits if profile.in_use(x)), hits[0])
        return Part(Status.MET, profile.evidence_of(hits, 2),
                    f"{hit.text} ({profile.where(hit.start)}) is {Rule.SAME_CLASS.label} as "
                    f"{lexicon[entry_id].name}", Rule.SAME_CLASS)
    if members and part.status is Status.MISSING:
        other, hits = members[0]
        hit = hits[0]
        return Part(Status.PARTIAL, profile.evidence_of(hits, 1),
                    f"{hit.text} ({profile.where(hit.start)}) is of the same kind as "
                    f"{lexicon[entry_id].name}, but only listed: {Rule.LISTED_ONLY.label}",
                    Rule.LISTED_ONLY)
    return part


def _split_by_kind(examples: list[str], before: list[str],
                   profile: Profile) -> tuple[list[str], list[str]]:
    """Examples that are of the kind the line names, and those read as something else.

    "Application Servers such as WebSphere, Oracle, or Tomcat": WebSphere and Tomcat are
    application servers, so "Oracle" is the vendor's application server, not the Oracle
    database the name reads as on its own. Without a named kind every example is in kind.
    """
    ancestors = profile.lexicon.ancestors
    stated = [b for b in before if any(b in ancestors(e) for e in examples)]
    if not stated:
        return examples, []
    in_kind = [e for e in examples if any(b in ancestors(e) for b in stated)]
    return in_kind, [e for e in examples if e not in in_kind]


def _named_only(entry_id: str, profile: Profile, demanding: bool) -> Part:
    """An example read as another product of its name counts only where the resume names it:
    a related database is no evidence of Oracle's application server."""
    part = term_part(entry_id, profile, demanding)
    if part.rule is Rule.NAMED:
        return part
    return nothing(f"{profile.lexicon[entry_id].name} is named here as a product of another "
                   f"kind, which the resume does not name")


def kinds_of(examples: list[str], before: list[str], profile: Profile,
             kind_named: bool) -> frozenset[str]:
    """The kind a list of examples illustrates: a term before the cue that every example is an
    instance of, else the narrowest ancestors the examples share.

    A language is a kind only when the posting names libraries or frameworks: dplyr is no
    "visualisation tool such as ggplot", though both are R.
    """
    lexicon = profile.lexicon

    def usable(kind: str) -> bool:
        entry = lexicon[kind]
        return not entry.broad and (kind_named or entry.category != "language")

    named = [b for b in before if all(b in lexicon.ancestors(e) for e in examples)]
    if named:
        return frozenset(k for k in named if usable(k))
    shared: set[str] | None = None
    for example in examples:
        mine = set(lexicon.ancestors(example))
        shared = mine if shared is None else shared & mine
    return frozenset(k for k in shared or () if usable(k))


# -- a requirement line of named skills -------------------------------------------------------

def terms_part(requirement: Requirement, terms: list[TermHit], profile: Profile) -> Part:
    text = requirement.text
    base = requirement.start
    extra = PREFERRED_EXTRA.search(text)  # "... and preferably also Tableau": no part of the ask
    if extra is not None:
        asked = [t for t in terms if t.start - base < extra.start()]
        if asked:
            terms = asked
    demanding = bool(DEMANDING.search(text))
    near = requirement.kind is RequirementKind.SOFT
    depth_free = outside_parentheses(text)
    cue = EXAMPLE_CUE.search(text)
    while cue is not None and not depth_free[cue.start()]:
        cue = EXAMPLE_CUE.search(text, cue.end())  # "(e.g. ...)" after a concept: handled as examples
    if cue:
        after = [t for t in terms if t.start - base >= cue.end()]
        if after:
            before = [t for t in terms if t.start - base < cue.start()]
            examples = list(dict.fromkeys(t.entry for t in after))
            kind_named = bool(_KIND_NOUN.search(text[:cue.start()]))
            in_kind, off_kind = _split_by_kind(examples, [t.entry for t in before], profile)
            kinds = kinds_of(in_kind, [t.entry for t in before], profile, kind_named)
            illustrated = any_of([example_part(e, profile, demanding, kinds) for e in in_kind]
                                 + [_named_only(e, profile, demanding) for e in off_kind])
            rest = [t for t in before if t.entry not in kinds]
            if not rest:
                # "BI tools such as ...": naming the kind itself shows it. "JavaScript libraries
                # like jQuery": a language named as the kind's qualifier does not.
                concepts = [k for k in kinds if any(t.entry == k for t in before)
                            and profile.lexicon[k].category not in QUALIFIER_CATEGORIES]
                if concepts and illustrated.status is not Status.MET:
                    named_kind = any_of([term_part(k, profile, demanding, near)
                                         for k in concepts])
                    return any_of([illustrated, named_kind])
                return illustrated
            named = all_of([term_part(e, profile, demanding, near)
                            for e in dict.fromkeys(t.entry for t in rest)])
            return all_of([named, illustrated])
    bounds: list[tuple[int, int]] = []
    commas: list[bool] = []  # is the separator after each slot a comma?
    last = 0
    for match in _SLOT_SPLIT.finditer(text):
        if not depth_free[match.start()]:
            continue
        bounds.append((last, match.start()))
        commas.append(match.group() == ",")
        last = match.end()
    bounds.append((last, len(text)))
    spans = {t.end - base: t.start - base for t in terms}
    parts: list[Part] = []
    for start, end, choice in _or_lists(text, bounds, commas, spans):
        inside = [t for t in terms if start <= t.start - base < end]
        if not inside:
            continue
        # Terms in parentheses after a concept are examples of it: "event streaming (Kafka,
        # Pulsar)" is met by the concept or by any example.
        head = [h for h in inside if depth_free[h.start - base]]
        listed = [h for h in inside if not depth_free[h.start - base]]
        head_part = _slot(head, text, base, start, end, profile, demanding, choice, near) \
            if head else None
        if not listed:
            parts.append(head_part)  # type: ignore[arg-type]
            continue
        in_parentheses = [term_part(e, profile, demanding, near)
                          for e in dict.fromkeys(h.entry for h in listed)]
        if _ALTERNATIVES.search(_parenthesis_text(text, listed[0].start - base)):
            # "event streaming (e.g. Kafka, Pulsar)": the concept or any example.
            example = any_of(in_parentheses)
            parts.append(max((head_part, example), key=lambda p: p.status.value_score)
                         if head_part else example)
        elif head_part is not None and {h.entry for h in listed} <= {h.entry for h in head}:
            parts.append(head_part)  # "Go (Golang)", "object oriented programming (OOP)"
        elif head_part is not None and _adds_to_head(head, listed, profile):
            # "ServiceNow scripting (Glide JavaScript)": the parenthesis adds to the head;
            # both are asked.
            parts.append(all_of([head_part, *in_parentheses]))
        else:
            # "deployment strategies (Docker, Kubernetes, Terraform)", "cloud platforms (AWS,
            # GCP)": the list is what is asked.
            parts.append(all_of(in_parentheses))
    if not parts:
        return nothing()
    return all_of(parts)


def _adds_to_head(head: list[TermHit], listed: list[TermHit], profile: Profile) -> bool:
    """Does a parenthesis without "e.g." add to a named product rather than list what the
    head means?

    "ServiceNow scripting (Glide JavaScript)": a language beside a platform is asked as well.
    "event streaming (Kafka, Pulsar)", "cloud platforms (AWS, GCP)": a concept or a kind spelt
    out by its tools is asked as the list.
    """
    lexicon = profile.lexicon
    heads = {h.entry for h in head}
    items = {i.entry for i in listed}
    if any(h in lexicon.ancestors(i) for h in heads for i in items):
        return False
    products = {lexicon[h].category for h in heads} & _PRODUCTS
    return bool(products) and not products & {lexicon[i].category for i in items}


def _or_lists(text: str, bounds: list[tuple[int, int]], commas: list[bool],
              term_spans: dict[int, int]) -> list[tuple[int, int, bool]]:
    """Merge "Python, Java, or Go" into one slot: a comma list that ends in "or" offers choices.

    Every item before the "or" must end with a term ("Strong SQL skills, Python or R" is
    two asks), and of the first item only its last term joins the choice ("Kubernetes
    operators in Java, Scala, or Elixir" asks for Kubernetes and one language).
    ``term_spans`` maps each term's end to its start.
    """
    def item(k: int) -> str:
        return text[bounds[k][0]:bounds[k][1]]

    def bare(k: int) -> bool:
        start, body = bounds[k][0], item(k)
        return len(body.split()) <= 4 and start + len(body.rstrip()) in term_spans

    def examples(j: int) -> bool:  # items i..j form "A, B, C etc." or "A, B, C, etc."
        body = item(j).rstrip()
        before = _ETC_ITEM.sub("", " " + body)[1:]  # the item without its "etc."
        if before == body or len(body.split()) > 5:
            return False
        return not before.strip() or bounds[j][0] + len(before) in term_spans

    merged: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(bounds):
        j = i
        while j < len(commas) and commas[j] and not _OR_ITEM.search(item(j) + " ") and (
                bare(j) or (j == i and bounds[j][0] + len(item(j).rstrip()) in term_spans
                            and _ends_in_examples(j, len(commas), commas, examples))):
            j += 1
        tail = item(j) + " " if j > i else ""
        if tail and ((len(tail.split()) <= 5 and _OR_ITEM.search(tail)) or examples(j)):
            start = bounds[i][0]
            choice = term_spans[start + len(item(i).rstrip())]
            if choice > start and text[start:choice].strip():
                merged.append((start, choice, False))  # what the first item asks besides
            merged.append((choice, bounds[j][1], True))
            i = j + 1
        else:
            merged.append((*bounds[i], False))
            i += 1
    return merged


def _ends_in_examples(i: int, count: int, commas: list[bool],
                      examples: Callable[[int], bool]) -> bool:
    """Whether the comma list from item ``i`` on ends in an "etc." item: then its first item
    may be long ("work experience in Web services, SOAP APIs etc.")."""
    j = i + 1
    while j < count and commas[j]:
        j += 1
    return examples(j)


def _slot(slot: list[TermHit], text: str, base: int, lo: int, hi: int, profile: Profile,
          demanding: bool, choice: bool = False, near: bool = False) -> Part:
    """Terms of one slot: "or" joins the two terms it stands between, anything else adds a
    part ("deploying models via Triton or SageMaker" asks for deployment and one of two).
    A language after "in/for/with/using" qualifies the rest of the slot (its head)."""
    lexicon = profile.lexicon
    languages = [h for h in slot if lexicon[h.entry].category in QUALIFIER_CATEGORIES]
    # The languages qualify the rest when one of them follows "in/for/with/using".
    qualifiers = languages if any(_QUALIFIES.search(text[max(lo, 0):h.start - base])
                                  for h in languages) else []
    if qualifiers and not choice:
        heads = [h for h in slot if h not in qualifiers]
        first_qualifier = min(h.start for h in qualifiers) - base
        head_words = [] if heads else content_stems(text[lo:first_qualifier], distinctive=True)
        if heads or len(head_words) >= 2:
            return _qualified(heads, head_words, qualifiers, text, base, profile, demanding,
                              near)
    return _joined(slot, text, base, profile, demanding, choice, near)


def _joined(hits: list[TermHit], text: str, base: int, profile: Profile, demanding: bool,
            choice: bool = False, near: bool = False) -> Part:
    """Terms side by side: "or" or "/" joins the two it stands between ("Unix/Linux"),
    anything else makes them parts. A broad umbrella in one word right beside a named skill
    only says what kind of work it is ("GIS programming"): the named skill is the ask. (A
    paradigm named in full, "SOLID object oriented programming", stays a part.)"""
    lexicon = profile.lexicon

    def kind_of_work(k: int, hit: TermHit) -> bool:
        if not lexicon[hit.entry].broad or " " in hit.text.strip():
            return False
        return any(not lexicon[o.entry].broad and not text[min(o.end, hit.end) - base:
                                                           max(o.start, hit.start) - base].strip()
                   for o in hits[max(0, k - 1):k + 2] if o is not hit)

    hits = [h for k, h in enumerate(hits) if not kind_of_work(k, h)] or hits
    seen: dict[str, Part] = {}
    for hit in hits:
        if hit.entry not in seen:
            seen[hit.entry] = term_part(hit.entry, profile, demanding, near)
    if choice or len(seen) == 1:
        return any_of(list(seen.values()))
    groups: list[list[str]] = [[hits[0].entry]]
    for before, hit in pairwise(hits):
        if hit.entry in groups[-1]:
            continue
        gap = text[before.end - base:hit.start - base]
        if _OR.search(gap) and not re.search(r"[;:]", gap):
            groups[-1].append(hit.entry)
        elif not any(hit.entry in g for g in groups):
            groups.append([hit.entry])
    return all_of([any_of([seen[e] for e in group]) for group in groups])


def _qualified(heads: list[TermHit], head_words: list[str], qualifiers: list[TermHit],
               text: str, base: int, profile: Profile, demanding: bool, near: bool) -> Part:
    """The head of an ask and the language that qualifies it."""
    qualifier = any_of([term_part(q.entry, profile, demanding, near)
                        for q in dict.fromkeys(qualifiers)])
    names = ", ".join(dict.fromkeys(q.text for q in qualifiers))
    if heads:
        head = _joined(heads, text, base, profile, demanding, near=near)
        what = ", ".join(dict.fromkeys(h.text for h in heads))
    else:
        head = words_in_a_bullet(head_words, profile, what := text_of_words(text, head_words))
    if head.status is Status.MET and qualifier.status is Status.MET:
        other = _other_language(head, {q.entry for q in qualifiers}, profile)
        if other:
            # "event-driven design" in a Node.js bullet, Python only listed: the head is
            # shown, but in another language than the one asked.
            return capped(head, Rule.OTHER_LANGUAGE,
                          f"{head.reason}, but in {other}, not {names}: "
                          f"{Rule.OTHER_LANGUAGE.label}")
        return all_of([head, qualifier])
    if head.status is Status.MET:
        return capped(head, Rule.OTHER_LANGUAGE,
                      f"{head.reason}, but not in {names}: {Rule.OTHER_LANGUAGE.label}")
    if head.status is Status.PARTIAL and qualifier.status is not Status.MISSING:
        return capped(all_of([head, qualifier]), Rule.QUALIFIER_ONLY,
                      f"{head.reason}; {qualifier.reason}: {Rule.QUALIFIER_ONLY.label} "
                      f"({names}) with related work")
    if qualifier.status is not Status.MISSING:
        # The language alone shows nothing of what is asked in it.
        return Part(Status.MISSING, (), f"{qualifier.reason}, but no {what}: "
                                        f"{Rule.QUALIFIER_ONLY.label} ({names})",
                    Rule.QUALIFIER_ONLY)
    return head if head.status is Status.PARTIAL else nothing(f"No {what} in {names}")


def _other_language(head: Part, asked: set[str], profile: Profile) -> str:
    """The language the head's bullets show instead of the asked one, or "" when a bullet
    shows the asked language (or no language at all: a skills list, a plain bullet)."""
    lexicon = profile.lexicon
    others: list[str] = []
    for evidence in head.evidence:
        bullet = next((b for b in profile.bullets if b.start <= evidence.start < b.end), None)
        hits = profile.hits_within(bullet.start, bullet.end) if bullet is not None else \
            profile.hits_within(evidence.start, evidence.end)
        languages: set[str] = set()
        for hit in hits:
            for entry_id in (hit.entry, *lexicon.ancestors(hit.entry)):
                if lexicon[entry_id].category == "language":
                    languages.add(entry_id)
        if not languages or languages & asked:
            return ""
        others.extend(lexicon[e].name for e in sorted(languages))
    return ", ".join(dict.fromkeys(others))


def text_of_words(text: str, stems: list[str]) -> str:
    """The requirement's own words for a list of stems, for explanations."""
    from tailorfit.core.match.words import stem, words

    picked = [w for w in words(text) if stem(w) in stems]
    return " ".join(dict.fromkeys(picked)) or "that"


def words_in_a_bullet(stems: list[str], profile: Profile, what: str) -> Part:
    """An ask with no lexicon term: shown when one bullet holds all its distinctive words."""
    if not stems:
        return nothing()
    wanted = set(stems)
    best = None
    for bullet in profile.bullets:
        have = wanted & set(bullet.stems)
        if best is None or len(have) > len(best[1]):
            best = (bullet, have)
    if best is not None and best[1] == wanted:
        bullet = best[0]
        from tailorfit.core.match.result import Evidence

        evidence = Evidence(bullet.start, bullet.end, bullet.text, bullet.where, 4)
        return Part(Status.MET, (evidence,), f'"{bullet.text[:90]}" ({bullet.where}) shows {what}',
                    Rule.NAMED)
    return nothing(f"No {what} in the resume")


def _parenthesis_text(text: str, at: int) -> str:
    """The parenthesis around offset ``at``."""
    open_at = text.rfind("(", 0, at)
    close_at = text.find(")", at)
    return text[open_at + 1:close_at if close_at >= 0 else len(text)]


def outside_parentheses(text: str) -> list[bool]:
    depth = 0
    flags: list[bool] = []
    for char in text:
        if char == "(":
            depth += 1
        flags.append(depth == 0)
        if char == ")":
            depth = max(0, depth - 1)
    flags.append(True)
    return flags


__all__ = ["NOTHING", "example_part", "term_part", "terms_part"]

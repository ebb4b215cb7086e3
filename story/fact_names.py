"""The label of each fact, as a desk editor would write it, unique within the story.

A fact is named by its event ("death toll"), or what is measured and of what (``fact_labels`` reads
that from each figure's sentence, here the figures vote); a fact of another time or scope says which
in words ("death toll in 2003", "injured in February", "magnitude that can cause severe damage").
Two facts of one name are told apart by what a reader understands: a running total, what happened,
who was counted, where, when; a value only where nothing else tells them apart
(``label_readability`` says what a readable label is).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from .claims import Claim
from .fact_labels import is_pronoun_led, plural
from .facets import Facet
from .label_readability import DANGLING

if TYPE_CHECKING:
    from .linking import Cluster

EVENT_LABELS = {
    "killed": "death toll", "injured": "injured", "identified": "victims identified", "buried": "burials",
    "detained": "detained", "displaced": "displaced", "casualties": "casualties (killed and injured)",
    "missing": "missing", "abducted": "abducted", "shot": "people shot",
}
_FAMILY_LABELS = {"count": "number", "magnitude": "magnitude", "age": "age", "share": "share", "multiplier": "multiple",
                  "year": "year", "date": "date", "time": "time", "money": "amount", "length": "distance",
                  "duration": "duration", "area": "area", "speed": "speed", "mass": "weight", "volume": "volume",
                  "temperature": "temperature"}
_QUOTE_WORDS = 6
_QUOTE_MARKS = "\"“”‘’'«» ,;:"


def fact_label(group: list[Claim], facets: dict[str, Facet]) -> str:
    """A name a reader would give the fact: the event, or what is measured and of what (``fact_labels``)."""
    first = group[0]
    if first.kind == "quote":  # its opening words as written: "I'm not sure", not "i m not sure"
        words = first.text.strip(_QUOTE_MARKS).split()
        shown = words[:_QUOTE_WORDS]
        while len(shown) > 1 and len(words) > len(shown) and shown[-1].lower().strip(_QUOTE_MARKS) in DANGLING:
            shown.pop()  # "While two of the skiffs…", not "… skiffs and…"
        cut = len(words) > len(shown)
        return "quote: " + " ".join(shown).rstrip(",;:" if cut else "") + ("…" if cut else "")
    group_facets = [facets[c.id] for c in group]
    event = _most_common(f.event for f in group_facets)
    event = event if sum(f.event == event for f in group_facets) * 2 >= len(group_facets) else None
    cue = _most_common(cue for f in group_facets for cue in f.cues)
    anchor = _most_common(anchor for f in group_facets for anchor in f.anchors)
    name = _most_common(name for f in group_facets for name in f.names)
    noun = _most_common(f.noun for f in group_facets)
    family = group_facets[0].family.split(" per ")[0]
    gist = _best_gist(group_facets) if family != "count" else _counted_gist(group_facets, noun)
    if event and family == "count" and (noun is None or any(f.counts_people for f in group_facets)):
        label = EVENT_LABELS.get(event, event)
    elif cue == "population":
        label = f"population of {name}" if name else "population"
    elif family == "length" and cue == "depth":
        label = "depth"
    elif family == "magnitude":
        label = "magnitude of the aftershocks" if cue == "aftershock" else "magnitude"
    elif family == "length" and anchor:
        label = f"distance to {anchor}"
    elif family == "money" and cue == "value" and noun:
        label = f"value of the {plural(noun) if noun == _most_common(c.counts for c in group) else noun}"
    elif family == "count" and (noun or gist):
        label = " ".join(filter(None, (plural(noun.lstrip("-")) if noun else "figures", gist)))
    elif family == "share" and noun and not gist:
        label = f"share of {plural(noun)}"
    elif family == "age":
        person = _most_common(f.person for f in group_facets)
        label = f"age of {person}" if person else "age"
    elif gist:
        label = gist
    else:
        wording = _most_common(f.wording for f in group_facets)
        label = _FAMILY_LABELS.get(family, family)
        label = f"{label} in “{wording}”" if wording and family in _ALWAYS_SAID else label
    if group_facets[0].family.count(" per "):
        label += " per " + group_facets[0].family.split(" per ")[1]
    if family in ("year", "date"):
        return label  # "year he was sentenced", not "... in 2019": its figures are the time
    episodes = Counter(f.episode for f in group_facets)  # the story's own event (None) has a vote too
    episode = max(episodes, key=lambda told: (episodes[told], told is not None))
    setting = _most_common(f.setting for f in group_facets if f.episode == episode) if episode else None
    return f"{label} {setting}" if setting and setting not in label else label


_ALWAYS_SAID = frozenset({"count", "time", "date", "year", "duration", "share"})
"""Families whose bare name says nothing of the fact ("time", "count"): their label quotes the words around."""


def make_labels_unique(clusters: list[Cluster], groups: list[list[Claim]], facets: dict[str, Facet]) -> None:
    """Two facts never share a label: a running total among them says so, whichever comes first; of the
    others, the one that nothing tells apart keeps the plain label (the first if all can be told apart), and
    the rest add what tells them apart (``unique_label``)."""
    namesakes: dict[str, list[tuple[Cluster, list[Claim]]]] = defaultdict(list)
    for cluster, group in zip(clusters, groups):
        namesakes[cluster.label].append((cluster, group))
    keeps: set[int] = set()
    for label, members in namesakes.items():
        totals = [cluster for cluster, group in members if _is_running_total(group, facets)]
        if len(members) > 1 and len(totals) == 1:
            totals[0].label = f"{label} so far"
            members = [member for member in members if member[0] is not totals[0]]
        plain = next((cluster for cluster, group in members if not _told_apart(label, group, facets)), members[0][0])
        keeps.add(id(plain))
    seen: dict[str, int] = {cluster.label: 1 for cluster in clusters if id(cluster) in keeps}
    for cluster, group in zip(clusters, groups):
        if id(cluster) not in keeps and cluster.label in seen:
            cluster.label = unique_label(cluster.label, group, facets, seen)
        seen.setdefault(cluster.label, 1)


def unique_label(label: str, group: list[Claim], facets: dict[str, Facet], seen: dict[str, int]) -> str:
    """``label`` for a fact when another has it already (``seen``), with what tells the two apart
    (``_told_apart``); only then the value as written, or a number. ``seen`` then holds the new label too."""
    candidates = _told_apart(label, group, facets)
    candidates.append(f"{label} given as {Counter(c.text for c in group).most_common(1)[0][0]}")
    candidate = next((c for c in candidates if c not in seen), None)
    seen.setdefault(label, 1)
    while candidate is None or candidate in seen:
        seen[label] += 1
        candidate = f"{label}, fact {seen[label]}"
    seen[candidate] = 1
    return candidate


def _told_apart(label: str, group: list[Claim], facets: dict[str, Facet]) -> list[str]:
    """``label`` with what a reader understands that may tell its fact from another of the name: a running
    total, what happened to what it counts, who was counted ("men shot" beside "people shot"), its time or
    scope, where, when."""
    group_facets = [facets[c.id] for c in group if c.id in facets]
    candidates = [f"{label} so far"] if _is_running_total(group, facets) else []
    gist = _best_gist(group_facets)
    family = group_facets[0].family if group_facets else ""
    if gist and gist not in label and family == "count":
        candidates.append(f"{label} {gist}")
    elif gist and label.startswith("distance to ") and gist.startswith("distance from "):
        candidates.append(gist + label.removeprefix("distance"))  # "distance from the farm to Leeds"
    noun = _most_common(f.noun for f in group_facets)
    if noun and noun != "person" and family == "count" and label in EVENT_LABELS.values() and label.startswith("people "):
        candidates.append(label.replace("people", plural(noun), 1))  # "men shot", "pupils shot"
    for told in (f.setting for f in group_facets), (f.where for f in group_facets), (f.moment for f in group_facets):
        words = _most_common(told)
        if words and words not in label:
            candidates.append(f"{label} {words}")
    return candidates


def _is_running_total(group: list[Claim], facets: dict[str, Facet]) -> bool:
    """Whether most of a fact's figures are running totals ("so far", "in all")."""
    return sum("total" in facets[c.id].cues for c in group if c.id in facets) * 2 > len(group)


def _best_gist(group_facets: list[Facet]) -> str | None:
    """The name most of a fact's figures give it, one that says what happened before one led by a pronoun,
    and among as many, one in lower case (a capital may only open a sentence: "Shares fell")."""
    counted = Counter(f.gist for f in group_facets if f.gist)
    return max(counted, key=lambda gist: (not is_pronoun_led(gist), counted[gist], gist.islower()), default=None)


def _counted_gist(group_facets: list[Facet], noun: str | None) -> str | None:
    """What happened to the things a fact counts, told by the figures that name them, or by those that name
    nothing where they are most ("two of them managed to flee"): "two helicopters were evacuating" and "the
    bodies of two victims were found" never make "helicopters found"."""
    named = [f for f in group_facets if f.noun == noun]
    unnamed = [f for f in group_facets if f.noun is None]
    return _best_gist(named) or (_best_gist(unnamed) if len(unnamed) > len(named) else None)


def _most_common(items) -> str | None:
    counted = Counter(item for item in items if item)
    return counted.most_common(1)[0][0] if counted else None

"""English verb forms, read by their spelling: which words are verbs in the past, and the past participle a
form stands for ("capturing" captured, "struck" struck). The labels of facts say what happened with them."""

from __future__ import annotations

from ..highlighters.words import ALL_IRREGULAR_PAST

IRREGULAR = {
    "struck": "struck", "hit": "hit", "began": "begun", "shook": "shaken", "fled": "fled", "left": "left",
    "took": "taken", "taken": "taken", "held": "held", "found": "found", "fell": "fallen", "rose": "risen",
    "came": "come", "sank": "sunk", "shot": "shot", "caught": "caught", "stolen": "stolen", "stole": "stolen",
    "seen": "seen", "hurt": "hurt", "lost": "lost", "kept": "kept", "sent": "sent", "sold": "sold",
    "brought": "brought", "built": "built", "broke": "broken", "broken": "broken", "got": "got", "spent": "spent",
    "beaten": "beaten", "driven": "driven", "thrown": "thrown", "swept": "swept", "burnt": "burnt", "met": "met",
    "burst": "burst", "spread": "spread", "led": "led", "cut": "cut", "rebuilt": "rebuilt", "ran": "run", "won": "won",
    "flew": "flown", "blew": "blown", "grew": "grown", "gave": "given", "drove": "driven", "rode": "ridden",
}
"""Past forms of common English verbs that do not end in "-ed", and their past participles."""
CLAUSE_PAST = (ALL_IRREGULAR_PAST | frozenset(IRREGULAR)) - frozenset(
    "said told thought had did read let lay put quit bet lit meant ground set cut wound spread upset".split())
"""Past forms that tell what happened in a clause ("it was felt", "witnesses heard"): every irregular one but
verbs of saying or thinking, auxiliaries, and forms that are as often nouns or the present tense."""
_ING_PAST = {"shooting": "shot", "taking": "taken", "making": "made", "holding": "held", "finding": "found",
             "leaving": "left", "stealing": "stolen", "seizing": "seized", "hitting": "hit", "bringing": "brought",
             "catching": "caught", "keeping": "kept", "sending": "sent", "selling": "sold", "hurting": "hurt",
             "losing": "lost", "getting": "got", "sinking": "sunk", "striking": "struck", "beating": "beaten"}
NOT_VERBS = frozenset("""
during including following according regarding concerning excluding morning evening building nothing something
anything everything thing king meeting spring ring wing ceiling string among red bed hundred need seed speed feed
indeed shed united limited aged naked wicked sacred alleged armed based related estimated reported said told
believed expected thought called named described located
""".split())
"""Words ending as verbs do that are not verbs here, and verbs of saying, which tell no event."""


def past(word: str) -> str | None:
    """The past participle a verb form stands for ("capturing" captured, "struck" struck), or None."""
    word = word.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word in NOT_VERBS or len(word) < 4:
        return None
    if word in _ING_PAST:
        return _ING_PAST[word]
    if _regular_past(word):
        return word
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        if stem.endswith("y") and stem[-2] not in "aeiou":
            return stem[:-1] + "ied"
        if stem.endswith("e"):
            return stem + "d"
        return stem + "ed"
    return None


def is_past(word: str) -> bool:
    """Whether a word is a verb in the past tense or a past participle ("struck", "heard", "captured")."""
    lowered = word.lower()
    return lowered not in NOT_VERBS and (lowered in IRREGULAR or lowered in CLAUSE_PAST or _regular_past(lowered))


def _regular_past(lowered: str) -> bool:
    """A past form in "-ed" ("captured"), not a noun in "-eed" ("speed") nor too short to be one ("red")."""
    return lowered.endswith("ed") and len(lowered) > 4 and not lowered.endswith("eed")

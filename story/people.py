"""Nouns of people in news English, for the facts that count people and the labels that name them."""

from __future__ import annotations

PERSONS = frozenset("""
person people man woman child boy girl baby adult civilian soldier troop police policeman policewoman officer
student worker employee passenger resident villager victim suspect militant fighter rebel gunman attacker
protester demonstrator migrant refugee journalist reporter official member citizen patient prisoner detainee
hostage tourist staff crew crewman sailor pilot player fan voter customer driver survivor inmate doctor nurse
teacher pupil farmer miner guard colleague relative son daughter brother sister husband wife father mother
partner manager owner leader minister lawmaker senator candidate delegate juror witness spectator visitor
pedestrian commuter shopper guest
""".split())
"""Nouns of people in news English: two figures that count people can be one fact though their nouns
differ ("26 survivors" and "26 passengers")."""
PERSON_ENDINGS = ("man", "men", "woman", "women", "person", "ist", "ian", "ee", "eer")
"""How other nouns of people end ("fisherman", "journalist", "Syrian", "employee", "engineer")."""

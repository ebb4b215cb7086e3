"""The engine against the hand-checked gold file of the seeds. Floors only ever rise."""

from gold_scoring import score

FLOORS = {
    "figure_precision": 1.0, "figure_recall": 1.0,
    "quote_precision": 1.0, "quote_recall": 1.0,
    "speaker_accuracy": 1.0,
    "link_precision": 1.0, "link_recall": 0.97, "link_f1": 0.98,
}
ATTRIBUTE_FLOORS = {"value": 1.0, "low": 1.0, "high": 1.0, "qualifier": 1.0, "quantity": 1.0, "event": 1.0}


def test_engine_scores_at_least_the_floors_on_the_gold_file(seed_story):
    result = score(seed_story)
    below = {name: getattr(result, name) for name, floor in FLOORS.items() if getattr(result, name) < floor}
    below |= {name: result.attribute_accuracy[name] for name, floor in ATTRIBUTE_FLOORS.items()
              if result.attribute_accuracy[name] < floor}
    assert not below, f"below the floor: {below}\n" + "\n".join(result.misses)

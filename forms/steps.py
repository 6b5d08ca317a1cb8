"""An e-service form split into steps at its section breaks."""

from dataclasses import dataclass, field

from .field_types import LAYOUT_TYPES


@dataclass
class Step:
    number: int
    title: str
    intro: str = ""
    fields: list = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [form_field.clean_name for form_field in self.fields]


def split_into_steps(form_fields) -> list[Step]:
    """A section break starts a new step titled with its label.

    Fields before the first section break form a first step titled with the
    page's own title (given by the caller's template); a form with no
    section break is one step. Steps with no fields are dropped.
    """
    steps = [Step(number=1, title="")]
    for form_field in form_fields:
        if form_field.field_type in LAYOUT_TYPES:
            steps.append(Step(number=0, title=form_field.label, intro=form_field.help_text))
        else:
            steps[-1].fields.append(form_field)

    steps = [step for step in steps if step.fields]
    for number, step in enumerate(steps, start=1):
        step.number = number
    return steps

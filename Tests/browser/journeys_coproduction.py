"""Browser journeys for co-production work (issue 7): insights, "you said, we did" and workshops.

Mixed into `Journey` in test_journeys.py; its steps are listed in `COPRODUCTION_STEPS`, which run after the
earlier journeys. They rely only on the first administrator (ADA, step a) and on what they make themselves.
"""


class CoproductionJourney:
    pass


COPRODUCTION_STEPS = []

"""Browser journeys for the community asset map (issue 7): assets, a CSV import with a bad row, and the public directory.

Mixed into `Journey` in test_journeys.py; its steps are listed in `ASSET_STEPS`, which run after the earlier
journeys. They rely only on the first administrator (ADA, step a) and on what they make themselves.
"""


class AssetJourney:
    pass


ASSET_STEPS = []

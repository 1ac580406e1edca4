"""Test helper: the source phrase a mention credits, named or not."""


def source(m):
    """``m.speaker`` when a person or organisation is named, else the role, group or document kept
    in ``m.speaker_role`` ("officials", "a statement"): the phrase the attribution found."""
    return m.speaker if m.speaker is not None else m.speaker_role

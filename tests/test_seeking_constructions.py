"""Information asked for and not yet given, as 08MANAMA144 words it, against sentences that only look alike."""

from __future__ import annotations

import pytest

from tipcheck.rules._gap_grammar import is_seeking

AWAITED = [
    "The GOB did not provide data on sex traffickers, or victims of trafficking by the March 1 deadline.",
    "The GOB had not responded by March 1 to post's request for statistics pertaining to convictions.",
    "The government did not provide statistics on numbers of victims to post before the reporting deadline.",
    "Neither the GOB nor IOM provided any additional information to post regarding this question by the March 1 "
    "deadline.",
    "To date, post has not received the IOM report.",
    "The Ministry has not yet replied to the embassy's inquiry about prosecutions.",
]
NOT_AWAITED = [
    "The law was not passed by the parliamentary deadline.",
    "The shelter was not finished before the deadline set by the ministry.",
    "The ministry had not responded to the complaint filed by the workers.",
    "Victims did not respond to questions from police.",
    "The names of the suspects are not/not for public disclosure, and no data will be released by the deadline.",
]


@pytest.mark.parametrize("sentence", AWAITED)
def test_information_still_awaited_is_a_gap(sentence: str) -> None:
    assert is_seeking(sentence)


@pytest.mark.parametrize("sentence", NOT_AWAITED)
def test_look_alikes_are_not_gaps(sentence: str) -> None:
    assert not is_seeking(sentence)

"""The definitions `tipcheck explain seeking-information` and `explain information-unavailable` state, case by
case, with their boundary cases: each example the explanations quote behaves as they say."""

from __future__ import annotations

import pytest

from tipcheck.rules._gap_grammar import is_seeking, unavailable_at

SEEKING = [
    "Post has asked the Ministry of Interior for a breakdown.",
    "We are awaiting figures from the police.",
    "Embassy continues to press the GOJ for data.",
    "Post is working to obtain the court records.",
    "Statistics have been requested from the MOJ.",
    "A response is expected shortly.",
    "Figures are forthcoming from the Directorate.",
    "The results have been promised to post by mid-March.",
    "Details will be sent septel.",
    "The number will be reported in a follow-up cable.",
    "An update will follow.",
    "Post will forward them once received.",
    "We will report separately.",
    "Our request to the Supreme Court remains outstanding.",
    "The MFA has not yet replied to Post's note.",
    "Post has not received a response.",
    "The GOB did not provide data by the March 1 deadline.",
    "POST CONTINUES TO SEEK INFORMATION FROM FEVIMTRA ON FEDERAL PROSECUTIONS.",
    # 09MUSCAT253
    "The GOO has promised to provide this information, but has not done so at this time.",
    "IOM has undertaken to supply us with its caseload figures.",
    "While the GOTL has committed to providing case-level data, none had reached post.",
    "The National Police have been requested, through the MFA, to furnish data.",
    "In response to EconOff's request, the Inspectorate agreed to compile its citations.",
    "The host government assured us that the victim statistics were being compiled.",
    "A more complete account of the Ministry's expenditures will follow.",
    "A reply is anticipated after the Easter holiday.",
    "PolOff's repeated inquiries to the Prosecutor's Office have so far gone unanswered.",
]
NOT_SEEKING = [
    "Post requested and received updated statistics.",
    "We asked the GOE for the figures, and the ministry provided them on March 2.",
    "The government is seeking to amend the law.",
    "Two suspects are awaiting trial.",
    "The NGO is awaiting a response from the ministry.",
    "Victims may seek civil damages.",
    "The Embassy continues to seek ways to support data collection.",
    "Post requested a meeting with the Minister.",
    "The extradition request is pending.",
    "The court's decision is pending.",
    "Details will be provided to hotel staff during the training.",
    "Post requests that the names not be disclosed.",
    "Statistics were not available.",
    "The information was requested by the defense.",
    "The Embassy advised victims to seek information from the hotline.",
    "We asked the Ministry for the shelter budget, and it supplied the figures on February 27.",
    "The Ministry agreed to compile statistics on trafficking under the new action plan.",
    "Officials said data on victims were being collected in a new database.",
    "The police seized ledgers, but none of them has reached the court.",
    # 06REYKJAVIK68: the sources request copies, not the post; 06SANTIAGO438: the attempts failed (unavailable)
    "Indeed, most post sources express gratitude for Embassy Reykjavik's undertaking in researching this report, "
    "with many requesting copies of the completed draft.",
    "Post's attempts to obtain further information from Colorado Legal Services on the recruitment of these "
    "individuals or other specifics of their case have been unsuccessful to date.",
]
UNAVAILABLE = [
    "Statistics on convictions were not available.",
    "The number of victims referred by social services is unknown.",
    "It is not known how many of these victims were minors.",
    "Training reached an unknown number of policemen.",
    "No information was available on the sentences.",
    "(NFI)",
    "Post has no figures on arrests.",
    "We do not know how many victims returned.",
    "Post was unable to obtain data on shelters.",
    "The Ministry declined to share figures.",
    "The GOB did not provide a breakdown.",
    "The police would not release arrest figures.",
    "The Prosecutor's office provided no data on plea bargains.",
    "The Ministry refused Poloff's request for the shelter budget.",
    "It remains unclear whether any government funds were disbursed.",
    "The conviction rate for trafficking cases is not known.",
    "ESTIMATES OF NUMBER OF VICTIMS IN FISHING FLEET UNAVAILABLE.",
    "Although the MOJ compiled statistics, they were not made available to the Embassy.",
    "Requests by the Embassy for disaggregated victim data were rebuffed.",
    "Although the Embassy asked to review the court files, access to them was denied.",
    "Post's attempts to obtain further information from Colorado Legal Services on the recruitment of these "
    "individuals or other specifics of their case have been unsuccessful to date.",
]
NOT_UNAVAILABLE = [
    "The government does not keep statistics on trafficking prosecutions.",
    "There are no official statistics on trafficking.",
    "No agency tracks the number of victims.",
    "The MOJ does not disaggregate conviction data.",
    "Victims' personal data are not released to the media.",
    "The hotline number is not known to most migrant workers.",
    "Recruiters withhold information from migrants.",
    "The whereabouts of the suspect are unknown.",
    "It is not known if this is connected to organized prostitution.",
    "Whether the gang has links to organized crime abroad is not known.",
    "It is unclear whether the law will pass this year.",
    "The lawyers' access to the case files was denied.",
    "The defense's requests for a postponement were rebuffed.",
    "While exact numbers are not known, it is suspected that 40 women were trafficked.",
    "IOM, which could not provide data for Costa Rica, estimates that 80 percent are minors.",
    "Post has been unable to independently confirm this case.",
    # 06REYKJAVIK68, 06SANJOSE481: a report not published; "lack of" a law
    "(Note: if, as in the past, the Department does not publish a report on Iceland, post will edit this one to "
    "remove sensitive material and send contacts the edited version.",
    "Lack of a specific law against trafficking makes keeping uniform statistics extremely difficult since not all "
    "forms of trafficking are covered under these statutes.",
]


@pytest.mark.parametrize("sentence", SEEKING)
def test_seeking(sentence: str) -> None:
    assert is_seeking(sentence)


@pytest.mark.parametrize("sentence", NOT_SEEKING)
def test_not_seeking(sentence: str) -> None:
    assert not is_seeking(sentence)


@pytest.mark.parametrize("sentence", UNAVAILABLE)
def test_unavailable(sentence: str) -> None:
    assert unavailable_at(sentence) is not None


@pytest.mark.parametrize("sentence", NOT_UNAVAILABLE)
def test_not_unavailable(sentence: str) -> None:
    assert unavailable_at(sentence) is None


def test_unavailable_points_at_the_information_that_is_missing() -> None:
    sentence = "FEVIMTRA opened 24 investigations; specific figures on convictions were not available."
    assert sentence[unavailable_at(sentence) or 0:].startswith("figures on convictions")

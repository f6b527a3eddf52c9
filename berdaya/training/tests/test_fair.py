"""The fair invitation list (R49): never served first, proportional spread, rotation, lottery, quotas."""

import datetime as dt

from berdaya.training.fair import Candidate, apportion, coverage, draw, propose

A1, A2, B1 = "63.71.01.1001", "63.71.01.1002", "63.71.02.1001"


def test_apportion_largest_remainder_and_zero_population():
    assert apportion(10, {"a": 50, "b": 30, "c": 20}) == {"a": 5, "b": 3, "c": 2}
    assert apportion(3, {"a": 5, "b": 5, "c": 0}) == {"a": 2, "b": 1, "c": 0}
    assert apportion(0, {"a": 1}) == {"a": 0}
    assert apportion(4, {}) == {}


def test_never_served_first_inside_a_share():
    # R49: never served by any program or event ranks before the served.
    cands = [Candidate(i, A1, served=i < 5) for i in range(10)]
    chosen = propose(cands, 5, population={A1: 10}, seed="s")
    assert {c.candidate.id for c in chosen} == {5, 6, 7, 8, 9}
    assert all("belum pernah dilayani" in c.reason for c in chosen)


def test_places_follow_the_registered_population():
    cands = [Candidate(i, A1, False) for i in range(20)] + [Candidate(100 + i, B1, False) for i in range(20)]
    chosen = propose(cands, 4, population={A1: 300, B1: 100}, seed="s")
    by_kel = [c.candidate.kelurahan for c in chosen]
    assert by_kel.count(A1) == 3 and by_kel.count(B1) == 1


def test_a_kelurahan_with_nobody_registered_gets_no_share_and_empty_shares_return_to_the_pool():
    # A2 has registered people but no candidate: its place goes to the city pool; B1 has nobody registered.
    cands = [Candidate(i, A1, False) for i in range(5)] + [Candidate(50, B1, False)]
    chosen = propose(cands, 3, population={A1: 10, A2: 10, B1: 0}, seed="s")
    assert len(chosen) == 3
    assert sum("sisa tempat" in c.reason for c in chosen) >= 1
    # With places to spare, B1's candidate still only comes from the pool.
    chosen = propose(cands, 6, population={A1: 10, A2: 10, B1: 0}, seed="s")
    assert "sisa tempat" in next(c.reason for c in chosen if c.candidate.id == 50)


def test_ties_are_drawn_by_the_seed_reproducibly():
    cands = [Candidate(i, A1, False) for i in range(30)]
    one = [c.candidate.id for c in propose(cands, 5, population={A1: 30}, seed="2022-06")]
    again = [c.candidate.id for c in propose(cands, 5, population={A1: 30}, seed="2022-06")]
    other = [c.candidate.id for c in propose(cands, 5, population={A1: 30}, seed="lain")]
    assert one == again and one != other
    assert one == sorted(range(30), key=lambda i: draw("2022-06", i))[:5]
    assert all(
        "undian" in c.reason and "2022-06" in c.reason
        for c in propose(cands, 5, population={A1: 30}, seed="2022-06")
    )


def test_no_lottery_mentioned_when_nothing_tied():
    cands = [Candidate(1, A1, False), Candidate(2, A1, True)]
    chosen = propose(cands, 1, population={A1: 2}, seed="s")
    assert chosen[0].candidate.id == 1 and "undian" not in chosen[0].reason


def test_rotation_puts_last_exhibitors_last():
    # R49: for exhibitions, who went to the same kind most recently goes last.
    cands = [
        Candidate(1, A1, True, last_same_kind=dt.date(2022, 5, 1)),
        Candidate(2, A1, True, last_same_kind=dt.date(2021, 5, 1)),
        Candidate(3, A1, True, last_same_kind=None),
    ]
    chosen = propose(cands, 2, population={A1: 3}, seed="s", rotation=True)
    assert [c.candidate.id for c in chosen] == [3, 2]
    assert "belum pernah ikut kegiatan sejenis" in chosen[0].reason
    assert "01/05/2021" in chosen[1].reason


def test_kecamatan_quota_caps_and_passes_places_on():
    cands = [Candidate(i, A1, False) for i in range(10)] + [Candidate(100 + i, B1, False) for i in range(10)]
    chosen = propose(cands, 6, population={A1: 90, B1: 10}, seed="s", kecamatan_quota={"63.71.01": 2})
    kec = [c.candidate.kecamatan for c in chosen]
    assert kec.count("63.71.01") == 2 and kec.count("63.71.02") == 4
    assert [c.rank for c in chosen] == [1, 2, 3, 4, 5, 6]


def test_coverage_lists_kelurahan_no_event_reached():
    rows = coverage({A1: 3}, {A1: 10, A2: 4})
    assert rows == [
        {"kelurahan": A1, "registered": 10, "served": 3, "share": 30.0},
        {"kelurahan": A2, "registered": 4, "served": 0, "share": 0.0},
    ]

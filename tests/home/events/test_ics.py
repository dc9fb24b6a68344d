"""An event as an iCalendar file (.ics): the properties, escaping and line folding."""

import re

import pytest

from home.events.ics import ics_escape, ics_fold

from .helpers import beijing

pytestmark = pytest.mark.django_db


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", ""), "bare LF in the calendar"
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def prop(lines: list[str], name: str) -> str:
    values = [line.split(":", 1)[1] for line in lines if line.split(":", 1)[0] == name]
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def test_ics(client, event_factory, make_point):
    point = make_point(title="广州市知识产权信息中心")
    event = event_factory(
        title="专利检索, 分析; 与布局\n培训",
        start=beijing("2030-05-01 14:00"),
        end=beijing("2030-05-01 16:30"),
        organisers=[point],
        venue="报告厅, 二楼",
        address="珠江东路4号; 天河区",
        summary="第一行\n第二行，" + "很长的说明" * 30,
    )
    response = client.get(f"{event.url}ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    lines = unfold(response.content.decode("utf-8"))
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "BEGIN:VEVENT" in lines and "END:VEVENT" in lines
    assert prop(lines, "DTSTART") == "20300501T060000Z"
    assert prop(lines, "DTEND") == "20300501T083000Z"
    assert re.fullmatch(r"\d{8}T\d{6}Z", prop(lines, "DTSTAMP"))
    assert prop(lines, "UID") == f"event-{event.pk}@127.0.0.1"
    assert prop(lines, "SUMMARY") == "专利检索\\, 分析\\; 与布局\\n培训"
    assert prop(lines, "LOCATION") == "报告厅\\, 二楼\\, 珠江东路4号\\; 天河区"
    description = prop(lines, "DESCRIPTION")
    assert description.startswith("第一行\\n第二行，很长的说明")
    assert "广州市知识产权信息中心" in description
    assert prop(lines, "URL") == event.full_url


def test_ics_uid_is_the_same_in_english(client, event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory()
    ensure_locale_trees()
    zh = unfold(client.get(f"{event.url}ics/").content.decode())
    en = unfold(client.get(f"/en/events/{event.slug}/ics/").content.decode())
    assert prop(zh, "UID") == prop(en, "UID")
    assert prop(en, "URL").endswith(f"/en/events/{event.slug}/")


def test_ics_helpers():
    assert ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = ics_fold("DESCRIPTION:" + "汉" * 60)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == (
        "DESCRIPTION:" + "汉" * 60
    )
    assert ics_fold("SHORT:x") == "SHORT:x"

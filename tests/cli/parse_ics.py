#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""Reads an iCalendar file with the icalendar library and prints what it understood as JSON.

For each VEVENT: its uid, summary, start and end as UTC instants, and its alarms' triggers in
seconds. Start and end are converted twice: by the library itself from the TZID, and with the
file's own VTIMEZONE of that TZID (so that the VTIMEZONE is checked as well). Used by
tests/cli/report_ics_test.cpp as a reader that owes nothing to cfp.
"""

import datetime
import json
import sys

import icalendar


def utc_text(moment):
    """An aware datetime as 2025-02-01T16:00:00Z."""
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def through_vtimezone(prop, zones):
    """The instant of a DTSTART or DTEND property, read with the file's VTIMEZONE of its TZID."""
    tzid = prop.params.get("TZID")
    if tzid is None:
        return utc_text(prop.dt)
    wall = prop.dt.replace(tzinfo=None)
    return utc_text(zones[str(tzid)].localize(wall))


def main():
    with open(sys.argv[1], "rb") as ics:
        calendar = icalendar.Calendar.from_ical(ics.read())
    zones = {str(zone["TZID"]): zone.to_tz() for zone in calendar.walk("VTIMEZONE")}
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
            "dtstart": utc_text(event.decoded("DTSTART")),
            "dtend": utc_text(event.decoded("DTEND")),
            "dtstart_vtimezone": through_vtimezone(event["DTSTART"], zones),
            "dtend_vtimezone": through_vtimezone(event["DTEND"], zones),
            "triggers": [int(alarm.decoded("TRIGGER").total_seconds()) for alarm in event.walk("VALARM")],
        })
    print(json.dumps({
        "version": str(calendar["VERSION"]),
        "name": str(calendar["X-WR-CALNAME"]),
        "timezones": sorted(zones),
        "events": events,
    }, indent=1))


if __name__ == "__main__":
    main()

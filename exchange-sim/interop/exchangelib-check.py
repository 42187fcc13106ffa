"""Talks to a running Exchange simulator through exchangelib (Python), an EWS client nobody here wrote,
driven by its documented default flow: the server version and the authentication scheme are
autodetected, folders are reached as folder objects (account.root, account.calendar), never by raw ids.
Usage (Debian's python3-exchangelib):
    /usr/bin/python3 exchangelib-check.py http://127.0.0.1:8025/EWS/Exchange.asmx [DOMAIN\\user]
against the demo data set. Exits 1 if any check fails. With a second argument the service mailbox
logs on with that user name (e.g. CONTOSO\\booking-service), as on-premises accounts do.
"""
import datetime
import logging
import sys
import traceback

from exchangelib import (DELEGATE, IMPERSONATION, Account, CalendarItem, Configuration, Credentials,
                         EWSDateTime, EWSTimeZone)
from exchangelib.errors import ErrorImpersonateUserDenied, ErrorItemNotFound, ErrorAccessDenied

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8025/EWS/Exchange.asmx"
USER = sys.argv[2] if len(sys.argv) > 2 else "booking-service@contoso.test"
SERVICE = "booking-service@contoso.test"
PASSWORD = "Demo-Service-Pa55!"
ANNA = "anna.schmidt@contoso.test"
LUKAS = "lukas.weber@contoso.test"
JAMES = "james.miller@contoso.test"
HARUTO = "haruto.sato@contoso.test"   # the service mailbox is his Delegate (README demo table)
MICHAEL = "michael.brown@contoso.test"  # Editor on his calendar only: no access to his mailbox root
DAVID = "david.braun@contoso.test"  # may not be impersonated

failures = 0
# exchangelib warns for every unzoned free/busy time; Exchange 2010 and later write them so (in the request's zone)
logging.getLogger("exchangelib").setLevel(logging.ERROR)


def check(name, ok, detail=""):
    global failures
    print(f"{'PASS' if ok else 'FAIL'} {name}{': ' + str(detail) if detail else ''}", flush=True)
    if not ok:
        failures += 1


config = Configuration(service_endpoint=URL, credentials=Credentials(USER, PASSWORD))
tz = EWSTimeZone("Europe/Berlin")
today = EWSDateTime.now(tz).replace(hour=0, minute=0, second=0, microsecond=0)


def account(address, access_type):
    return Account(primary_smtp_address=address, config=config, autodiscover=False, access_type=access_type)


def version_negotiation():
    own = account(SERVICE, DELEGATE)
    version = own.version
    check("version autodetected from ServerVersionInfo", version.build is not None and version.api_version,
          f"api_version={version.api_version} build={version.build}")
    check("authentication autodetected", config.auth_type is not None, config.auth_type)


def folder_walk():
    own = account(SERVICE, DELEGATE)
    root = own.root
    names = {f.name for f in root.walk()}
    check("root.walk() lists the mailbox's folders", {"Calendar", "Inbox", "Top of Information Store"} <= names,
          sorted(names))
    check("msg_folder_root children", "Sent Items" in {f.name for f in own.msg_folder_root.children},
          [f.name for f in own.msg_folder_root.children])
    check("inbox reached as a folder object", own.inbox.total_count >= 3, f"total_count={own.inbox.total_count}")


def free_busy():
    own = account(SERVICE, DELEGATE)
    people = [ANNA, LUKAS, JAMES]
    views = list(own.protocol.get_free_busy_info(
        accounts=[(p, "Required", False) for p in people], start=today, end=today + datetime.timedelta(days=7)))
    check("GetUserAvailability answers every mailbox", len(views) == len(people), len(views))
    for person, view in zip(people, views):
        events = view.calendar_events or []
        check(f"free/busy of {person}", len(events) > 0 and view.working_hours,
              f"{len(events)} events, first {events[0].start if events else None} {events[0].busy_type if events else ''}")


def delegate_calendar():
    haruto = account(HARUTO, DELEGATE)
    items = list(haruto.calendar.view(start=today, end=today + datetime.timedelta(days=7)))
    subjects = [i.subject for i in items]
    check("delegate CalendarView of Haruto's calendar", subjects.count("Daily stand-up") >= 3, sorted(set(subjects)))
    try:
        account(MICHAEL, DELEGATE).root
        check("Michael's mailbox root is refused (calendar permission only)", False, "no error")
    except ErrorAccessDenied as e:
        check("Michael's mailbox root is ErrorAccessDenied", True, e)


def impersonated_create_read_delete():
    anna = account(ANNA, IMPERSONATION)
    start = today + datetime.timedelta(days=2, hours=20)
    item = CalendarItem(account=anna, folder=anna.calendar, subject="Interop check (exchangelib)",
                        start=start, end=start + datetime.timedelta(minutes=30))
    item.save(send_meeting_invitations="SendToNone")
    check("CreateItem impersonating Anna returns an id", bool(item.id), item.id)
    read = anna.calendar.get(id=item.id, changekey=item.changekey)
    check("GetItem reads it back", read.subject == item.subject and read.start == start, f"{read.subject} {read.start}")
    read.delete(send_meeting_cancellations="SendToNone")
    try:
        # exchangelib 4.9 returns the per-item error of a single get() instead of raising it
        gone = anna.calendar.get(id=item.id)
    except ErrorItemNotFound as e:
        gone = e
    check("GetItem after delete is ErrorItemNotFound", isinstance(gone, ErrorItemNotFound), gone)
    try:
        list(account(DAVID, IMPERSONATION).calendar.view(start=today, end=today + datetime.timedelta(days=1)))
        check("impersonating David is refused", False, "no error")
    except ErrorImpersonateUserDenied as e:
        check("impersonating David is ErrorImpersonateUserDenied", True, e)


if __name__ == "__main__":
    import exchangelib
    print(f"exchangelib {exchangelib.__version__} against {URL} as {USER}", flush=True)
    for step in (version_negotiation, folder_walk, free_busy, delegate_calendar, impersonated_create_read_delete):
        try:
            step()
        except Exception as e:  # a failed step is reported and the others still run
            check(step.__name__, False, f"{type(e).__name__}: {e}\n{traceback.format_exc()}")
    passed_line = "all checks passed" if failures == 0 else f"{failures} check(s) failed"
    print(passed_line, flush=True)
    sys.exit(0 if failures == 0 else 1)

// Talks to a running Exchange simulator through ews-javascript-api (a JavaScript port of Microsoft's
// EWS Managed API), as an EWS client nobody on this project wrote. Usage:
//   node ews-javascript-api-check.js http://127.0.0.1:8025/EWS/Exchange.asmx
// against the demo data set. Exits 1 if any check fails.
'use strict';
const ews = require('ews-javascript-api');

const url = process.argv[2] || process.env.EWS_URL || 'http://127.0.0.1:8025/EWS/Exchange.asmx';
const SERVICE = 'booking-service@contoso.test';
const PASSWORD = 'Demo-Service-Pa55!';
const ANNA = 'anna.schmidt@contoso.test';
const LUKAS = 'lukas.weber@contoso.test';
const DAVID = 'david.braun@contoso.test'; // the service mailbox may not impersonate him (README demo table)
const MICHAEL = 'michael.brown@contoso.test'; // the service mailbox is Editor on his calendar (a delegate)
const JAMES = 'james.miller@contoso.test';

let failures = 0;
function check(name, ok, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ': ' + detail : ''}`);
  if (!ok) failures++;
}

function service(impersonate) {
  const s = new ews.ExchangeService(); // the default version (Exchange2013_SP1), as its documentation starts
  s.Credentials = new ews.WebCredentials(SERVICE, PASSWORD);
  s.Url = new ews.Uri(url);
  if (impersonate) {
    s.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, impersonate);
    s.HttpHeaders.Add('X-AnchorMailbox', impersonate);
  }
  return s;
}

// A per-item error is rejected as ServiceResponseException (ErrorCode); a SOAP fault is rejected as the
// SoapFaultDetails themselves, whose code is ResponseCode (ErrorCode stays NoError there).
function errorCode(e) {
  if (e instanceof ews.SoapFaultDetails) return e.ResponseCode;
  return e ? e.ErrorCode : undefined;
}

function describe(e) {
  if (!e) return String(e);
  return `${e.constructor && e.constructor.name} code=${errorCode(e) !== undefined ? ews.ServiceError[errorCode(e)] : '-'} ` +
    `message=${e.message || e.Message}`;
}

async function freeBusy() {
  const s = service();
  const start = ews.DateTime.Now.Date;
  const window = new ews.TimeWindow(start, start.AddDays(7));
  const attendees = [new ews.AttendeeInfo(ANNA), new ews.AttendeeInfo(LUKAS), new ews.AttendeeInfo(JAMES)];
  const options = new ews.AvailabilityOptions();
  options.RequestedFreeBusyView = ews.FreeBusyViewType.FreeBusy;
  const results = await s.GetUserAvailability(attendees, window, ews.AvailabilityData.FreeBusy, options);
  const responses = results.AttendeesAvailability.Responses;
  check('GetUserAvailability answers every mailbox', responses.length === attendees.length, `${responses.length} responses`);
  responses.forEach((r, i) => {
    check(`GetUserAvailability ${attendees[i].SmtpAddress} without error`, r.ErrorCode === ews.ServiceError.NoError,
      ews.ServiceError[r.ErrorCode] + (r.ErrorMessage ? ' ' + r.ErrorMessage : ''));
    check(`GetUserAvailability ${attendees[i].SmtpAddress} has busy times`, r.CalendarEvents.length > 0,
      `${r.CalendarEvents.length} events, first ${r.CalendarEvents[0] && r.CalendarEvents[0].StartTime}` +
      ` ${r.CalendarEvents[0] && ews.LegacyFreeBusyStatus[r.CalendarEvents[0].FreeBusyStatus]}`);
    check(`GetUserAvailability ${attendees[i].SmtpAddress} has working hours`, !!r.WorkingHours && r.WorkingHours.DaysOfTheWeek.length > 0,
      r.WorkingHours ? `${r.WorkingHours.DaysOfTheWeek.length} days, ${r.WorkingHours.StartTime}-${r.WorkingHours.EndTime}` : 'none');
  });
}

async function versionAndFolderWalk() {
  const s = service();
  const root = await ews.Folder.Bind(s, ews.WellKnownFolderName.Root);
  const info = s.ServerInfo;
  check('ServerVersionInfo is read from the response', !!info && info.MajorVersion === 15,
    info && `${info.MajorVersion}.${info.MinorVersion}.${info.MajorBuildNumber}.${info.MinorBuildNumber} ${info.VersionString}`);
  const view = new ews.FolderView(100);
  view.Traversal = ews.FolderTraversal.Deep;
  const found = await root.FindFolders(view);
  const names = found.Folders.map(f => f.DisplayName);
  check('FindFolder Deep from the root lists the mailbox folders',
    ['Top of Information Store', 'Calendar', 'Inbox', 'Sent Items', 'Deleted Items'].every(n => names.includes(n)), JSON.stringify(names));
  const calendar = found.Folders.find(f => f.DisplayName === 'Calendar');
  check('the calendar is a CalendarFolder of class IPF.Appointment',
    calendar instanceof ews.CalendarFolder && calendar.FolderClass === 'IPF.Appointment', calendar && calendar.FolderClass);
  const inbox = await ews.Folder.Bind(s, ews.WellKnownFolderName.Inbox);
  check('the Inbox counts its messages', inbox.TotalCount >= 3 && inbox.UnreadCount >= 0,
    `${inbox.TotalCount} total, ${inbox.UnreadCount} unread`);
}

async function delegateCalendarView() {
  const s = service();
  const calendarId = new ews.FolderId(ews.WellKnownFolderName.Calendar, new ews.Mailbox(MICHAEL));
  const calendar = await ews.CalendarFolder.Bind(s, calendarId);
  check('a delegate binds Michael\'s calendar', calendar.DisplayName === 'Calendar', calendar.DisplayName);
  const start = ews.DateTime.Now.Date;
  const found = await calendar.FindAppointments(new ews.CalendarView(start, start.AddDays(7)));
  check('a delegate\'s CalendarView of Michael\'s calendar', found.Items.filter(a => a.Subject === 'Daily stand-up').length >= 3,
    `${found.Items.length} appointments`);
  try {
    await ews.Folder.Bind(s, new ews.FolderId(ews.WellKnownFolderName.Inbox, new ews.Mailbox(MICHAEL)));
    check('Michael\'s Inbox is refused to the delegate', false, 'no error');
  } catch (e) {
    check('Michael\'s Inbox is ErrorAccessDenied to a calendar delegate', errorCode(e) === ews.ServiceError.ErrorAccessDenied, describe(e));
  }
}

async function calendarView() {
  const s = service(ANNA);
  const start = ews.DateTime.Now.Date;
  const found = await s.FindAppointments(ews.WellKnownFolderName.Calendar, new ews.CalendarView(start, start.AddDays(7)));
  const subjects = found.Items.map(a => a.Subject);
  check('FindItem CalendarView impersonating Anna', found.Items.length > 0, `${found.Items.length} appointments`);
  check('CalendarView expands the daily stand-up', subjects.filter(x => x === 'Daily stand-up').length >= 3,
    JSON.stringify([...new Set(subjects)]));
}

async function createAndDelete() {
  const s = service(ANNA);
  const appointment = new ews.Appointment(s);
  appointment.Subject = 'Interop check (ews-javascript-api)';
  const start = ews.DateTime.Now.Date.AddDays(2).AddHours(20);
  appointment.Start = start;
  appointment.End = start.AddMinutes(30);
  await appointment.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);
  const id = appointment.Id && appointment.Id.UniqueId;
  check('CreateItem impersonating Anna returns an id', !!id, id);
  const bound = await ews.Appointment.Bind(s, new ews.ItemId(id));
  check('GetItem finds the new appointment', bound.Subject === appointment.Subject, bound.Subject);
  await bound.Delete(ews.DeleteMode.HardDelete, ews.SendCancellationsMode.SendToNone);
  check('DeleteItem impersonating Anna', true);
  try {
    await ews.Appointment.Bind(s, new ews.ItemId(id));
    check('GetItem after delete fails', false, 'the item is still there');
  } catch (e) {
    check('GetItem after delete is ErrorItemNotFound', errorCode(e) === ews.ServiceError.ErrorItemNotFound, describe(e));
  }
}

async function timeZoneAndPermissions() {
  const s = service(ANNA);
  const found = await s.FindItems(ews.WellKnownFolderName.Calendar, new ews.ItemView(50));
  const series = found.Items.find(a => a.Subject === 'Daily stand-up');
  const bound = await ews.Appointment.Bind(s, series.Id,
    new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.AppointmentSchema.StartTimeZone]));
  check('StartTimeZone of a series is a usable time zone', !!bound.StartTimeZone && bound.StartTimeZone.Id === 'W. Europe Standard Time',
    bound.StartTimeZone && bound.StartTimeZone.Id);
  const folder = await ews.CalendarFolder.Bind(s, ews.WellKnownFolderName.Calendar,
    new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.FolderSchema.Permissions]));
  const levels = [];
  for (let i = 0; i < folder.Permissions.Count; i++) levels.push(ews.FolderPermissionLevel[folder.Permissions._getItem(i).PermissionLevel]);
  check('the owner reads the calendar PermissionSet (Default, Anonymous)', levels.length >= 2, JSON.stringify(levels));
}

async function streamingNotifications() {
  const s = service(ANNA);
  const subscription = await s.SubscribeToStreamingNotifications([new ews.FolderId(ews.WellKnownFolderName.Calendar)],
    ews.EventType.Created, ews.EventType.FreeBusyChanged);
  const connection = new ews.StreamingSubscriptionConnection(s, 1);
  connection.AddSubscription(subscription);
  const events = [];
  connection.OnNotificationEvent.push((sender, args) => args.Events.forEach(e => events.push(ews.EventType[e.EventType])));
  connection.Open();
  await new Promise(r => setTimeout(r, 1500));
  const appointment = new ews.Appointment(s);
  appointment.Subject = 'Interop streaming check';
  appointment.Start = ews.DateTime.Now.Date.AddDays(3).AddHours(20);
  appointment.End = appointment.Start.AddMinutes(30);
  await appointment.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);
  for (let i = 0; i < 50 && events.length < 2; i++) await new Promise(r => setTimeout(r, 100));
  connection.Close();
  await appointment.Delete(ews.DeleteMode.HardDelete, ews.SendCancellationsMode.SendToNone);
  check('streaming notification of a new appointment', events.includes('Created') && events.includes('FreeBusyChanged'),
    JSON.stringify(events));
}

async function syncInbox() {
  const s = service(ANNA);
  const result = await s.SyncFolderItems(new ews.FolderId(ews.WellKnownFolderName.Inbox), ews.PropertySet.FirstClassProperties,
    null, 512, ews.SyncFolderItemsScope.NormalItems, null);
  const changes = [];
  for (let i = 0; i < result.Count; i++) changes.push(result._getItem(i));
  check('SyncFolderItems on the Inbox returns its messages as Creates',
    changes.length >= 3 && changes.every(c => c.ChangeType === ews.ChangeType.Create && c.Item instanceof ews.EmailMessage),
    changes.map(c => `${ews.ChangeType[c.ChangeType]} "${c.Item.Subject}" from ${c.Item.From && c.Item.From.Address}`).join('; '));
}

async function impersonationDenied() {
  const s = service(DAVID);
  try {
    await s.FindAppointments(ews.WellKnownFolderName.Calendar,
      new ews.CalendarView(ews.DateTime.Now.Date, ews.DateTime.Now.Date.AddDays(1)));
    check('impersonating David is refused', false, 'no error');
  } catch (e) {
    check('impersonating David is ErrorImpersonateUserDenied', errorCode(e) === ews.ServiceError.ErrorImpersonateUserDenied,
      describe(e));
  }
}

(async () => {
  console.log(`ews-javascript-api ${require('ews-javascript-api/package.json').version} against ${url}`);
  for (const step of [versionAndFolderWalk, freeBusy, delegateCalendarView, calendarView, createAndDelete, timeZoneAndPermissions, streamingNotifications, syncInbox,
    impersonationDenied]) {
    try {
      await step();
    } catch (e) {
      check(step.name, false, describe(e) + (e && e.stack ? '\n' + e.stack : ''));
    }
  }
  console.log(failures === 0 ? 'all checks passed' : `${failures} check(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
})();

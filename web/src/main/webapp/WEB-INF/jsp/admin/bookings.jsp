<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Bookings" scope="request"/>
<c:set var="currentPage" value="bookings" scope="request"/>
<%@ include file="_header.jspf" %>
<section>
  <h2>Bookings</h2>
  <form id="filter-bookings" method="get" action="${base}/bookings">
    <div class="fields">
    <div><label for="from">From (UTC date)</label><input type="date" id="from" name="from" value="<c:out value='${from}'/>">
    <span class="error" data-field="from"><c:out value="${errors.from}"/></span></div>
    <div><label for="to">To</label><input type="date" id="to" name="to" value="<c:out value='${to}'/>">
    <span class="error" data-field="to"><c:out value="${errors.to}"/></span></div>
    <div><label for="user">User contains</label><input type="text" id="user" name="user" value="<c:out value='${param.user}'/>"></div>
    <div><label for="status">Status</label>
    <select id="status" name="status">
      <option value="">any</option>
      <c:forEach var="s" items="PENDING,CONFIRMED,FAILED,REJECTED,CANCELLED,RELEASED">
        <option value="${s}" ${param.status == s ? 'selected' : ''}>${s}</option>
      </c:forEach>
    </select></div>
    <div><button type="submit">Filter</button></div>
    </div>
  </form>
  <form id="outlook-settings" method="post" action="${base}/bookings">
    <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="action" value="outlook-settings">
    <p>When a user deletes or moves a booking's calendar item in Outlook (seen at the next read of their calendar):</p>
    <div class="fields">
    <div><label><input type="checkbox" id="cancelOnOutlookDelete" name="cancelOnOutlookDelete"
      ${account.cancelsOnOutlookDelete() ? 'checked' : ''}> Deleted in Outlook: cancel the booking</label>
      <span class="muted">Off: the booking stays and is flagged below.</span></div>
    <div><label><input type="checkbox" id="followOutlookMoves" name="followOutlookMoves"
      ${account.followsOutlookMoves() ? 'checked' : ''}> Moved in Outlook: reschedule the booking to the new time</label>
      <span class="muted">If the new time breaks the booking rules, or off: the booking keeps its time and is flagged below.</span></div>
    <div><button type="submit">Save</button></div>
    </div>
  </form>
  <span class="error" data-field="booking"><c:out value="${errors.booking}"/></span>
  <div class="table-box">
  <table id="bookings">
    <tr><th>Start</th><th>End</th><th>User</th><th>Title</th><th>Invitee</th><th>Status</th><th class="actions"></th></tr>
    <c:forEach var="b" items="${bookings}">
      <tr data-booking="<c:out value='${b.id()}'/>">
        <td class="when"><a:time at="${b.start()}"/></td><td class="when"><a:time at="${b.end()}"/></td>
        <td><c:out value="${b.userAddress().value()}"/></td><td><c:out value="${b.title()}"/></td>
        <td><c:out value="${b.invitee().isPresent() ? b.invitee().get().email() : ''}"/></td>
        <td class="status status-<c:out value='${b.status().name()}'/>"><c:out value="${b.status().name()}"/>
          <c:if test="${b.failure().isPresent()}"><br><span class="muted"><c:out value="${b.failure().get()}"/></span></c:if>
          <c:if test="${b.outlookFlag().isPresent()}"><c:set var="flag" value="${b.outlookFlag().get()}"/>
          <div class="outlook-flag" data-change="<c:out value='${flag.change().name()}'/>"><strong>Changed in Outlook</strong>
            (seen <a:time at="${flag.seenAt()}"/>): <c:out value="${flag.what()}"/>
            <c:if test="${flag.itemStart().isPresent()}">The item is now at <a:time at="${flag.itemStart().get()}"/> to
              <a:time at="${flag.itemEnd().get()}"/>.</c:if>
            <span class="muted"><c:out value="${flag.advice()}"/></span></div></c:if></td>
        <td class="actions"><c:if test="${b.status().name() == 'CONFIRMED' or b.status().name() == 'FAILED'}">
          <form class="cancel-booking inline" method="post" action="${base}/bookings">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="bookingId" value="<c:out value='${b.id()}'/>">
            <button type="submit" name="action" value="cancel">Cancel</button>
          </form></c:if>
          <c:if test="${b.outlookFlag().isPresent()}">
          <form class="dismiss-flag inline" method="post" action="${base}/bookings"
                title="Keeps the booking as it is; this change in Outlook does not flag it again.">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="bookingId" value="<c:out value='${b.id()}'/>">
            <button type="submit" name="action" value="dismiss-flag">Clear flag</button>
          </form></c:if>
          <c:if test="${b.status().name() == 'FAILED' or b.status().name() == 'PENDING'}">
          <form class="release-booking inline" method="post" action="${base}/bookings"
                title="Frees the slot without asking Exchange. An item Exchange did write after all stays in the calendar.">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="bookingId" value="<c:out value='${b.id()}'/>">
            <button type="submit" name="action" value="release">Release hold</button>
          </form></c:if></td>
      </tr>
    </c:forEach>
  </table>
  </div>
  <c:if test="${empty bookings}"><p class="muted">No bookings in this range.</p></c:if>
</section>
<%@ include file="_footer.jspf" %>

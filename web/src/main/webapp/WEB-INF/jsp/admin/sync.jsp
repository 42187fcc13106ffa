<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Sync" scope="request"/>
<c:set var="currentPage" value="sync" scope="request"/>
<%@ include file="_header.jspf" %>
<section>
  <h2>Busy-time sync</h2>
  <p>Connection: <span id="connection-status" class="status status-<c:out value='${empty connection ? "" : connection.status().name()}'/>"><c:out value="${empty connection ? 'NOT_CONNECTED' : connection.status().name()}"/></span>
    <c:if test="${not empty connection and connection.status().name() == 'THROTTLED'}"> — Exchange is throttling the dedicated mailbox; the sync stops and goes on when the back-off Exchange asked for ends.</c:if>
    <c:if test="${not empty connection and connection.status().name() == 'FAILING'}"> — Exchange answers, but the last refresh could read no user's busy time: <c:out value="${connection.statusDetail().orElse('')}"/></c:if></p>
  <c:if test="${refreshing}"><p id="refresh-running">A refresh is running now.</p></c:if>
  <p>Next scheduled refresh: <a:time at="${nextRefresh}" age="true" none="none (not connected)"/></p>
  <form id="refresh-sync" method="post" action="${base}/sync">
    <input type="hidden" name="csrf" value="${csrf}">
    <button type="submit" name="action" value="refresh">Refresh now</button>
  </form>
</section>
<section>
  <h2>Freshness of all users</h2>
  <c:choose>
    <c:when test="${freshness.total() == 0}"><p class="muted">No users yet.</p></c:when>
    <c:otherwise>
      <svg id="freshness-chart" class="freshness-chart" viewBox="0 0 1000 24" preserveAspectRatio="none" role="img"
           aria-label="Users by freshness of their busy time">
        <c:forEach var="s" items="${freshness.segments()}">
          <rect class="band-${s.band()}" data-band="${s.band()}" data-count="${s.count()}" x="${s.x()}" y="0" width="${s.width()}" height="24"><title>${s.count()} ${s.band().meaning()}</title></rect>
        </c:forEach>
      </svg>
      <ul class="legend" id="freshness-legend">
        <c:forEach var="band" items="${freshness.bands()}">
          <li data-band="${band}"><span class="swatch band-${band}"></span><strong class="count">${freshness.count(band)}</strong> ${band.meaning()}</li>
        </c:forEach>
      </ul>
      <p class="muted">A refresh runs every ${intervalMinutes} minutes; busy time older than ${maxStalenessMinutes} minutes is not offered.</p>
      <p class="muted" id="push" data-mode="${push.mode()}"><c:choose>
        <c:when test="${push.mode() == 'ON'}">Exchange pushes changes: <c:out value="${push.watched()}"/> users' calendars are watched, and a change is read again within seconds.</c:when>
        <c:when test="${push.mode() == 'STREAMED'}">Exchange pushes changes over connections the server holds open: <c:out value="${push.watched()}"/> users' calendars are watched from this server (in a cluster, one instance holds each account's connections), and a change is read again within seconds.</c:when>
        <c:when test="${push.mode() == 'NO_PUBLIC_URL'}">No push from Exchange: the operator has not set notifications.public-url.</c:when>
        <c:otherwise>No push from Exchange for this connection (Microsoft Graph's delegated mode cannot watch calendars, and push.streams may be off).</c:otherwise>
      </c:choose>
      <c:if test="${push.mode() != 'ON' and push.mode() != 'STREAMED'}">Instead, readable users are polled: every ${poll.bookedEvery().toSeconds()} s while they have a booking in the next ${pollBookedDays} days, every ${poll.every().toSeconds()} s otherwise.</c:if></p>
      <ul class="legend" id="kept-fresh">
        <c:forEach var="kept" items="${keptCounts}">
          <li data-kept="${kept.key}"><strong class="count">${kept.value}</strong> kept fresh by ${kept.key.meaning()}</li>
        </c:forEach>
      </ul>
    </c:otherwise>
  </c:choose>
</section>
<section>
  <h2>Recent refreshes</h2>
  <div class="table-box">
  <table id="runs">
    <tr><th>Started</th><th>Took (s)</th><th>Requests</th><th>Users refreshed</th><th>Failed</th><th>Access checks</th><th>Stopped because</th></tr>
    <c:forEach var="run" items="${runs}">
      <tr><td class="when"><a:time at="${run.startedAt()}" age="true"/></td><td>${run.took().toMillis() / 1000.0}</td><td><c:out value="${run.requestsSent()}"/></td>
        <td><c:out value="${run.usersRefreshed()}"/></td><td><c:out value="${run.usersFailed()}"/></td><td><c:out value="${run.accessChecks()}"/></td>
        <td class="long"><c:out value="${run.stoppedBecause().orElse('')}"/></td></tr>
    </c:forEach>
  </table>
  </div>
  <c:if test="${empty runs}"><p class="muted">None since the server started.</p></c:if>
</section>
<section>
  <h2>Freshness per user</h2>
  <div class="table-box">
  <table id="freshness">
    <tr><th>User</th><th>Busy time read</th><th>State</th><th>Kept fresh by</th><th>Last failure</th></tr>
    <c:forEach var="entry" items="${users}">
      <c:set var="u" value="${entry.key}"/>
      <tr data-user="<c:out value='${u.address().value()}'/>" data-band="${entry.value}"><td><c:out value="${u.address().value()}"/></td>
        <td class="when"><a:time at="${u.refreshedAt()}" age="true" none="never"/></td>
        <td><span class="swatch band-${entry.value}"></span>${entry.value.meaning()}</td>
        <td class="kept" data-kept="${keptFreshBy[u.id()]}"><c:out value="${keptFreshBy[u.id()].meaning()}"/></td>
        <td class="long"><a:time at="${u.refreshFailedAt()}"/> <c:out value="${u.refreshError().orElse('')}"/></td></tr>
    </c:forEach>
  </table>
  </div>
</section>
<%@ include file="_footer.jspf" %>

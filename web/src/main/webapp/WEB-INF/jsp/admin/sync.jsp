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
  <p>Next scheduled refresh: <c:out value="${nextRefresh}" default="none (not connected)"/></p>
  <form id="refresh-sync" method="post" action="${base}/sync">
    <input type="hidden" name="csrf" value="${csrf}">
    <button type="submit" name="action" value="refresh">Refresh now</button>
  </form>
</section>
<section>
  <h2>Recent refreshes</h2>
  <table id="runs">
    <tr><th>Started</th><th>Took (ms)</th><th>Requests</th><th>Users refreshed</th><th>Failed</th><th>Access checks</th><th>Stopped because</th></tr>
    <c:forEach var="run" items="${runs}">
      <tr><td><c:out value="${run.startedAt()}"/></td><td><c:out value="${run.took().toMillis()}"/></td><td><c:out value="${run.requestsSent()}"/></td>
        <td><c:out value="${run.usersRefreshed()}"/></td><td><c:out value="${run.usersFailed()}"/></td><td><c:out value="${run.accessChecks()}"/></td>
        <td><c:out value="${run.stoppedBecause().orElse('')}"/></td></tr>
    </c:forEach>
  </table>
  <c:if test="${empty runs}"><p class="muted">None since the server started.</p></c:if>
</section>
<section>
  <h2>Freshness per user</h2>
  <table id="freshness">
    <tr><th>User</th><th>Busy time read</th><th>Last failure</th></tr>
    <c:forEach var="u" items="${users}">
      <tr data-user="<c:out value='${u.address().value()}'/>"><td><c:out value="${u.address().value()}"/></td>
        <td><c:out value="${u.refreshedAt().orElse(null)}" default="never"/></td>
        <td><c:out value="${u.refreshFailedAt().orElse(null)}" default=""/> <c:out value="${u.refreshError().orElse('')}"/></td></tr>
    </c:forEach>
  </table>
</section>
<%@ include file="_footer.jspf" %>

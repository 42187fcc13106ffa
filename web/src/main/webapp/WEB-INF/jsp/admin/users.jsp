<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Users" scope="request"/>
<c:set var="currentPage" value="users" scope="request"/>
<%@ include file="_header.jspf" %>
<section>
  <h2>Users who accept bookings</h2>
  <form id="refresh-account" method="post" action="${base}/users">
    <input type="hidden" name="csrf" value="${csrf}">
    <button type="submit" name="action" value="refresh">Refresh everyone now</button>
  </form>
  <c:if test="${not empty consentAdvice}"><p id="consent-advice" class="warning"><c:out value="${consentAdvice}"/></p></c:if>
  <div class="table-box">
  <table id="users">
    <tr><th>User</th><th>Time zone</th><th>Calendar access</th><th>What to do</th><th>Checked</th><th>Busy time read</th><th class="actions"></th></tr>
    <c:forEach var="entry" items="${users}">
      <c:set var="u" value="${entry.key}"/>
      <tr data-user="<c:out value='${u.address().value()}'/>">
        <td><c:out value="${u.displayName()}"/><br><span class="muted"><c:out value="${u.address().value()}"/></span></td>
        <td><c:out value="${u.timeZone()}"/></td>
        <td class="status status-<c:out value='${u.accessStatus().name()}'/>"><c:out value="${u.accessStatus().name()}"/></td>
        <td class="advice long"><span class="advice-text"><c:out value="${entry.value}"/></span>
          <c:if test="${u.accessDetail().isPresent()}"><br><span class="muted"><c:out value="${u.accessDetail().get()}"/></span></c:if></td>
        <td class="when"><a:time at="${u.accessCheckedAt()}" age="true" none="never"/></td>
        <td class="when"><a:time at="${u.refreshedAt()}" age="true" none="never"/>
          <c:if test="${u.refreshError().isPresent()}"><br><span class="error"><c:out value="${u.refreshError().get()}"/></span></c:if></td>
        <td class="actions">
          <c:url var="weekOf" value="week"><c:param name="user" value="${u.address().value()}"/></c:url>
          <a class="week-link button" href="${weekOf}">Week</a>
          <form class="refresh-user inline" method="post" action="${base}/users">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="userId" value="${u.id()}">
            <button type="submit" name="action" value="refresh-user">Refresh</button>
          </form>
          <form class="remove-user inline" method="post" action="${base}/users">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="userId" value="${u.id()}">
            <button type="submit" name="action" value="remove">Remove</button>
          </form>
        </td>
      </tr>
    </c:forEach>
  </table>
  </div>
</section>
<section>
  <h2>Add a user</h2>
  <form id="add-user" method="post" action="${base}/users">
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="action" value="add">
    <label for="address">Mailbox address</label>
    <input type="text" id="address" name="address" value="<c:out value='${param.address}'/>">
    <span class="error" data-field="address"><c:out value="${errors.address}"/></span>
    <label for="displayName">Display name</label>
    <input type="text" id="displayName" name="displayName" value="<c:out value='${param.displayName}'/>">
    <label for="timeZone">Time zone (IANA, e.g. Europe/Berlin)</label>
    <input type="text" id="timeZone" name="timeZone" value="<c:out value='${empty param.timeZone ? "Europe/Berlin" : param.timeZone}'/>">
    <span class="error" data-field="timeZone"><c:out value="${errors.timeZone}"/></span>
    <button id="add-user-submit" type="submit">Add</button>
  </form>
</section>
<section>
  <h2>Import a list (CSV)</h2>
  <p class="muted">One user per line: address, display name, time zone (the last two optional), comma or semicolon separated.</p>
  <form id="import-users" method="post" action="${base}/users?csrf=${csrf}" enctype="multipart/form-data">
    <input type="hidden" name="action" value="import">
    <input type="file" name="csv" accept=".csv,text/csv,text/plain">
    <span class="error" data-field="csv"><c:out value="${errors.csv}"/></span>
    <label for="defaultTimeZone">Time zone where a line has none</label>
    <input type="text" id="defaultTimeZone" name="defaultTimeZone" value="Europe/Berlin">
    <span class="error" data-field="defaultTimeZone"><c:out value="${errors.defaultTimeZone}"/></span>
    <button id="import-users-submit" type="submit">Import</button>
  </form>
  <c:if test="${not empty importReport}">
    <table id="import-report">
      <tr><th>Line</th><th>Address</th><th>Outcome</th><th></th></tr>
      <c:forEach var="row" items="${importReport}">
        <tr><td><c:out value="${row.line()}"/></td><td><c:out value="${row.address()}"/></td>
          <td class="status"><c:out value="${row.outcome()}"/></td><td><c:out value="${row.message()}"/></td></tr>
      </c:forEach>
    </table>
  </c:if>
</section>
<%@ include file="_footer.jspf" %>

<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Webhooks" scope="request"/>
<c:set var="currentPage" value="webhooks" scope="request"/>
<%@ include file="_header.jspf" %>
<c:if test="${not empty newSecret}">
  <section>
    <h2>New signing secret</h2>
    <p>Copy it now into the app behind <code><c:out value="${newSecret.url()}"/></code>: it is shown this once and
      cannot be shown again. Each request carries <code>Webhook-Signature: t=&lt;time&gt;,v1=&lt;HMAC-SHA256&gt;</code>
      (README, "Webhooks", says how to check it).</p>
    <code id="new-secret"><c:out value="${newSecret.secret()}"/></code>
  </section>
</c:if>
<section>
  <h2>Endpoints</h2>
  <p>Every event of this account (bookings created, rescheduled, cancelled; users' calendar access and the
    connection's status changing) is sent to each endpoint, signed, until it answers 2xx.</p>
  <div class="table-box">
  <table id="webhooks">
    <tr><th>Id</th><th>URL</th><th>Added</th><th>Previous secret signs until</th><th class="actions"></th></tr>
    <c:forEach var="e" items="${endpoints}">
      <tr data-endpoint="${e.id()}"><td><c:out value="${e.id()}"/></td><td><code><c:out value="${e.url()}"/></code></td>
        <td><a:time at="${e.createdAt()}"/></td><td><a:time at="${e.previousSecretValidUntil(now)}" none="no rotation running"/></td>
        <td class="actions">
          <form class="rotate-secret inline" method="post" action="${base}/webhooks">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="endpointId" value="${e.id()}">
            <button type="submit" name="action" value="rotate">New secret</button>
          </form>
          <form class="remove-endpoint inline" method="post" action="${base}/webhooks">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="endpointId" value="${e.id()}">
            <button type="submit" name="action" value="remove">Remove</button>
          </form></td></tr>
    </c:forEach>
  </table>
  </div>
</section>
<section>
  <h2>Add an endpoint</h2>
  <form id="add-endpoint" method="post" action="${base}/webhooks">
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="action" value="add">
    <label for="url">URL (https; the server calls only addresses the operator allows)</label>
    <input type="url" id="url" name="url" value="">
    <span class="error" data-field="url"><c:out value="${errors.url}"/></span>
    <button id="add-endpoint-submit" type="submit">Add</button>
  </form>
</section>
<section>
  <h2>Delivery log</h2>
  <div class="table-box">
  <table id="deliveries">
    <tr><th>Event</th><th>Endpoint</th><th>Status</th><th>Attempts</th><th>Last answer</th><th>Last attempt</th><th>Next attempt</th></tr>
    <c:forEach var="d" items="${deliveries}">
      <tr data-event="${d.eventId()}"><td><c:out value="${d.eventType()}"/><br><code><c:out value="${d.eventId()}"/></code>
        <br><a:time at="${d.createdAt()}"/></td>
        <td><c:out value="${d.endpointId()}"/>: <c:out value="${endpointUrls[d.endpointId()]}"/></td>
        <td><c:out value="${d.status()}"/></td><td><c:out value="${d.attempts()}"/></td>
        <td><c:choose><c:when test="${d.lastStatus().isPresent()}">HTTP <c:out value="${d.lastStatus().get()}"/></c:when>
          <c:otherwise><c:out value="${d.lastError().orElse('')}"/></c:otherwise></c:choose></td>
        <td><a:time at="${d.lastAttemptAt()}" age="true"/></td><td><a:time at="${d.nextAttemptAt()}" age="true"/></td></tr>
    </c:forEach>
  </table>
  </div>
</section>
<%@ include file="_footer.jspf" %>

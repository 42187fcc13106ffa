<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="API keys" scope="request"/>
<c:set var="currentPage" value="api-keys" scope="request"/>
<%@ include file="_header.jspf" %>
<c:if test="${not empty newKey}">
  <section>
    <h2>New API key</h2>
    <p>Copy it now: it is shown this once and cannot be shown again. The booking front end sends it as
      <code>Authorization: Bearer &lt;key&gt;</code>.</p>
    <code id="new-key"><c:out value="${newKey}"/></code>
  </section>
</c:if>
<section>
  <h2>API keys</h2>
  <div class="table-box">
  <table id="keys">
    <tr><th>Name</th><th>Starts with</th><th>Created</th><th>Revoked</th><th class="actions"></th></tr>
    <c:forEach var="k" items="${keys}">
      <tr><td><c:out value="${k.name()}"/></td><td><code>cck_<c:out value="${k.prefix()}"/>_…</code></td>
        <td><a:time at="${k.createdAt()}"/></td><td><a:time at="${k.revokedAt()}"/></td>
        <td class="actions"><c:if test="${k.isActive()}">
          <form class="revoke-key inline" method="post" action="${base}/api-keys">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="keyId" value="${k.id()}">
            <button type="submit" name="action" value="revoke">Revoke</button>
          </form></c:if></td></tr>
    </c:forEach>
  </table>
  </div>
</section>
<section>
  <h2>Create a key</h2>
  <form id="create-key" method="post" action="${base}/api-keys">
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="action" value="create">
    <label for="name">Name (e.g. the front end that uses it)</label>
    <input type="text" id="name" name="name" value="">
    <span class="error" data-field="name"><c:out value="${errors.name}"/></span>
    <button id="create-key-submit" type="submit">Create</button>
  </form>
</section>
<%@ include file="_footer.jspf" %>

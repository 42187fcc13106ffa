<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Accounts" scope="request"/>
<%@ include file="_header.jspf" %>
<section>
  <h2>Accounts</h2>
  <div class="table-box">
  <table id="accounts">
    <tr><th>Key</th><th>Name</th><th>Exchange connection</th><th>Dedicated mailbox, protocol and address</th><th>Credential</th><th>Last success</th><th>Last problem</th></tr>
    <c:forEach var="row" items="${rows}">
      <tr data-account="<c:out value='${row.account.slug().value()}'/>">
        <td><a href="${pageContext.request.contextPath}/admin/accounts/<c:out value='${row.account.slug().value()}'/>/connection"><c:out value="${row.account.slug().value()}"/></a></td>
        <td><c:out value="${row.account.name()}"/></td>
        <c:set var="status" value="${empty row.connection ? 'NOT_CONNECTED' : row.connection.status().name()}"/>
        <td class="status status-<c:out value='${status}'/>"><c:out value="${status}"/></td>
        <td class="long"><c:if test="${not empty row.connection}"><c:out value="${row.connection.serviceMailbox().value()}"/><br><c:out value="${row.connection.protocolName()}"/>: <c:out value="${row.connection.endpoint()}"/></c:if></td>
        <td class="credential long"><c:if test="${not empty row.connection}"><c:out value="${row.connection.principal()}"/>
          <c:if test="${not empty row.connection.secretExpires().orElse(null)}">, <c:out value="${row.connection.usesCertificate() ? 'certificate valid until' : 'secret expires'}"/> <c:out value="${row.connection.secretExpires().get()}"/></c:if>
          <c:if test="${not empty row.secretExpiry}"><br><span class="warning secret-warning"><c:out value="${row.secretExpiry.message()}"/></span></c:if></c:if></td>
        <td><c:if test="${not empty row.connection}"><a:time at="${row.connection.lastSuccessAt()}" age="true" none="never"/></c:if></td>
        <td class="connection-problem long"><c:if test="${not empty row.connection and status != 'HEALTHY'}"><a:time at="${row.connection.lastFailureAt()}" age="true"/>
          <c:out value="${row.connection.statusDetail().orElse('')}"/></c:if></td>
      </tr>
    </c:forEach>
  </table>
  </div>
</section>
<section>
  <h2>New account</h2>
  <c:if test="${not empty errors.account}"><span class="error" data-field="account"><c:out value="${errors.account}"/></span></c:if>
  <form id="create-account" method="post" action="${pageContext.request.contextPath}/admin/accounts">
    <input type="hidden" name="csrf" value="${csrf}">
    <label for="slug">Key (lower-case letters, digits, dashes)</label>
    <input type="text" id="slug" name="slug" value="<c:out value='${param.slug}'/>">
    <span class="error" data-field="slug"><c:out value="${errors.slug}"/></span>
    <label for="name">Organisation name</label>
    <input type="text" id="name" name="name" value="<c:out value='${param.name}'/>">
    <span class="error" data-field="name"><c:out value="${errors.name}"/></span>
    <label for="adminUsername">Its first admin: user name</label>
    <input type="text" id="adminUsername" name="adminUsername" value="<c:out value='${param.adminUsername}'/>">
    <span class="error" data-field="adminUsername"><c:out value="${errors.adminUsername}"/></span>
    <label for="adminPassword">Password (at least 12 characters)</label>
    <input type="password" id="adminPassword" name="adminPassword" autocomplete="new-password">
    <span class="error" data-field="adminPassword"><c:out value="${errors.adminPassword}"/></span>
    <button id="create-account-submit" type="submit">Create account</button>
  </form>
</section>
<%@ include file="_footer.jspf" %>

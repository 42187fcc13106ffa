<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Connection" scope="request"/>
<c:set var="currentPage" value="connection" scope="request"/>
<%@ include file="_header.jspf" %>
<section>
  <h2>Connection to Exchange</h2>
  <c:choose>
    <c:when test="${empty connection}">
      <p>Status: <span id="connection-status" class="status">NOT_CONNECTED</span> — enter the dedicated mailbox below.</p>
    </c:when>
    <c:otherwise>
      <table>
        <tr><th>Status</th><td><span id="connection-status" class="status status-<c:out value='${connection.status().name()}'/>"><c:out value="${connection.status().name()}"/></span></td></tr>
        <tr><th>Dedicated mailbox</th><td><c:out value="${connection.serviceMailbox().value()}"/></td></tr>
        <tr><th>EWS URL</th><td><c:out value="${connection.endpoint()}"/></td></tr>
        <tr><th>Access to users' calendars</th><td><c:out value="${connection.accessMode()}"/></td></tr>
        <tr><th>Signs in as</th><td><c:out value="${connection.principal()}"/> (the secret is stored encrypted and never shown)</td></tr>
        <c:if test="${not empty connection.passwordScheme().orElse(null)}">
          <tr><th>Authentication</th><td id="connection-scheme"><c:out value="${connection.passwordScheme().get()}"/> (the scheme the last connection test got in with)</td></tr>
        </c:if>
        <tr><th>Last success</th><td><a:time at="${connection.lastSuccessAt()}" age="true" none="never"/></td></tr>
        <tr><th>Last error</th><td id="connection-error"><a:time at="${connection.lastFailureAt()}" age="true" none="none"/>
          <c:if test="${connection.status().name() != 'HEALTHY'}"><br><c:out value="${connection.statusDetail().orElse('')}"/></c:if></td></tr>
      </table>
    </c:otherwise>
  </c:choose>
</section>
<section>
  <h2><c:out value="${empty connection ? 'Connect' : 'Change the connection or its credential'}"/></h2>
  <p class="muted">The new settings are tested against Exchange before they replace the old ones (unless forced);
    then the whole account uses them at once.</p>
  <c:set var="ewsUrlValue" value="${not empty discoveredEwsUrl ? discoveredEwsUrl : (not empty param.ewsUrl ? param.ewsUrl : (empty connection ? '' : connection.endpoint()))}"/>
  <c:set var="mailboxValue" value="${not empty param.serviceMailbox ? param.serviceMailbox : (empty connection ? '' : connection.serviceMailbox().value())}"/>
  <c:set var="modeValue" value="${not empty param.accessMode ? param.accessMode : (empty connection ? 'IMPERSONATION' : connection.accessMode().name())}"/>
  <c:set var="methodValue" value="${not empty param.authMethod ? param.authMethod : (empty connection ? 'PASSWORD' : connection.authMethod().name())}"/>
  <c:set var="usernameValue" value="${not empty param.username ? param.username : (empty connection ? '' : connection.username().orElse(''))}"/>
  <c:set var="schemeValue" value="${not empty param.passwordScheme ? param.passwordScheme : (empty connection or empty connection.passwordScheme().orElse(null) ? 'BASIC' : connection.passwordScheme().get().name())}"/>
  <c:set var="tenantValue" value="${not empty param.tenant ? param.tenant : (empty connection ? '' : connection.oauthTenant().orElse(''))}"/>
  <c:set var="clientIdValue" value="${not empty param.clientId ? param.clientId : (empty connection ? '' : connection.oauthClientId().orElse(''))}"/>
  <c:set var="tokenUrlValue" value="${not empty param.tokenUrl ? param.tokenUrl : (empty connection ? '' : connection.oauthTokenUrl().orElse(''))}"/>
  <form id="connection-form" method="post" action="${base}/connection">
    <input type="hidden" name="csrf" value="${csrf}">
    <label for="serviceMailbox">Dedicated mailbox (SMTP address)</label>
    <input type="text" id="serviceMailbox" name="serviceMailbox" value="<c:out value='${mailboxValue}'/>">
    <span class="error" data-field="serviceMailbox"><c:out value="${errors.serviceMailbox}"/></span>
    <label for="ewsUrl">EWS URL</label>
    <input type="text" id="ewsUrl" name="ewsUrl" value="<c:out value='${ewsUrlValue}'/>" placeholder="https://mail.example.com/EWS/Exchange.asmx">
    <span class="error" data-field="ewsUrl"><c:out value="${errors.ewsUrl}"/></span>
    <label for="autodiscoverUrl">Autodiscover endpoint, to find the EWS URL with the button below (optional; empty: from the mailbox's domain)</label>
    <input type="text" id="autodiscoverUrl" name="autodiscoverUrl" value="<c:out value='${param.autodiscoverUrl}'/>">
    <span class="error" data-field="autodiscoverUrl"><c:out value="${errors.autodiscoverUrl}"/></span>
    <label for="accessMode">How the dedicated mailbox reaches users' calendars</label>
    <select id="accessMode" name="accessMode">
      <option value="IMPERSONATION" ${modeValue == 'IMPERSONATION' ? 'selected' : ''}>Impersonation (granted once by the Exchange admin)</option>
      <option value="DELEGATION" ${modeValue == 'DELEGATION' ? 'selected' : ''}>Delegation (each user shares their calendar)</option>
    </select>
    <label for="authMethod">Credential</label>
    <select id="authMethod" name="authMethod">
      <option value="PASSWORD" ${methodValue == 'PASSWORD' ? 'selected' : ''}>Password (Exchange on-premises)</option>
      <option value="OAUTH_APP" ${methodValue == 'OAUTH_APP' ? 'selected' : ''}>OAuth app (Exchange Online)</option>
    </select>
    <fieldset>
      <legend>Password</legend>
      <label for="username">User name (empty: the mailbox address; NTLM: DOMAIN\user)</label>
      <input type="text" id="username" name="username" value="<c:out value='${usernameValue}'/>">
      <label for="passwordScheme">Authentication</label>
      <select id="passwordScheme" name="passwordScheme">
        <option value="BASIC">Basic</option>
        <option value="NTLM" ${schemeValue == 'NTLM' ? 'selected' : ''}>NTLM</option>
      </select>
      <label for="password">Password</label>
      <input type="password" id="password" name="password" autocomplete="new-password">
      <span class="error" data-field="password"><c:out value="${errors.password}"/></span>
    </fieldset>
    <fieldset>
      <legend>OAuth app</legend>
      <label for="tenant">Tenant (id or domain)</label>
      <input type="text" id="tenant" name="tenant" value="<c:out value='${tenantValue}'/>">
      <label for="clientId">Application (client) id</label>
      <input type="text" id="clientId" name="clientId" value="<c:out value='${clientIdValue}'/>">
      <label for="clientSecret">Client secret</label>
      <input type="password" id="clientSecret" name="clientSecret" autocomplete="new-password">
      <span class="error" data-field="clientSecret"><c:out value="${errors.clientSecret}"/></span>
      <label for="tokenUrl">Token endpoint (optional; empty: Microsoft's for the tenant)</label>
      <input type="text" id="tokenUrl" name="tokenUrl" value="<c:out value='${tokenUrlValue}'/>">
    </fieldset>
    <label><input type="checkbox" name="force" ${param.force == 'on' ? 'checked' : ''}> Save without testing against Exchange</label>
    <%-- Save comes first: Enter in any field submits with the form's first button. --%>
    <button id="save-connection" type="submit" name="action" value="save">Test and save</button>
    <button id="discover" type="submit" name="action" value="discover">Find the EWS URL (Autodiscover)</button>
  </form>
</section>
<%@ include file="_graph-mailbox-sign-in.jspf" %>
<%@ include file="_footer.jspf" %>

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
      <table id="connection-summary">
        <tr><th>Status</th><td><span id="connection-status" class="status status-<c:out value='${connection.status().name()}'/>"><c:out value="${connection.status().name()}"/></span></td></tr>
        <tr><th>Protocol</th><td id="connection-protocol"><c:out value="${connection.protocolName()}"/><c:if test="${connection.graph() and connection.accessMode().name() == 'IMPERSONATION'}">, central mode: the app reaches users' calendars itself (app-only), as far as Exchange Online's RBAC for Applications scope lets it</c:if></td></tr>
        <tr><th>Dedicated mailbox</th><td><c:out value="${connection.serviceMailbox().value()}"/></td></tr>
        <tr><th><c:out value="${connection.graph() ? 'Microsoft Graph' : 'EWS URL'}"/></th><td><c:out value="${connection.endpoint()}"/></td></tr>
        <c:choose>
          <c:when test="${connection.graph()}">
            <tr><th>App</th><td id="connection-app">application (client) id <c:out value="${connection.oauthClientId().orElse('')}"/> in the tenant <c:out value="${connection.oauthTenant().orElse('')}"/></td></tr>
            <tr><th>Credential</th><td id="connection-credential"><c:choose>
              <c:when test="${connection.usesCertificate()}">certificate, thumbprint <c:out value="${connection.certificateThumbprint().orElse('unknown')}"/>, valid until <c:out value="${connection.secretExpires().orElse(null)}" default="unknown"/></c:when>
              <c:otherwise>client secret, expires <c:out value="${connection.secretExpires().orElse(null)}" default="(date not given)"/></c:otherwise>
            </c:choose> (stored encrypted and never shown)</td></tr>
          </c:when>
          <c:otherwise>
            <tr><th>Access to users' calendars</th><td><c:out value="${connection.accessMode()}"/></td></tr>
            <tr><th>Signs in as</th><td><c:out value="${connection.principal()}"/> (the secret is stored encrypted and never shown)</td></tr>
          </c:otherwise>
        </c:choose>
        <c:if test="${not empty secretExpiry}">
          <tr><th>Warning</th><td id="connection-secret-warning" class="warning"><c:out value="${secretExpiry.message()}"/></td></tr>
        </c:if>
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
  <c:set var="graphConnected" value="${not empty connection and connection.graph()}"/>
  <c:set var="ewsConnected" value="${not empty connection and not connection.graph()}"/>
  <c:set var="protocolValue" value="${not empty param.protocol ? param.protocol : (graphConnected ? 'GRAPH' : 'EWS')}"/>
  <c:set var="ewsUrlValue" value="${not empty discoveredEwsUrl ? discoveredEwsUrl : (not empty param.ewsUrl ? param.ewsUrl : (ewsConnected ? connection.endpoint() : ''))}"/>
  <c:set var="mailboxValue" value="${not empty param.serviceMailbox ? param.serviceMailbox : (empty connection ? '' : connection.serviceMailbox().value())}"/>
  <c:set var="modeValue" value="${not empty param.accessMode ? param.accessMode : (ewsConnected ? connection.accessMode().name() : 'IMPERSONATION')}"/>
  <c:set var="methodValue" value="${not empty param.authMethod ? param.authMethod : (ewsConnected ? connection.authMethod().name() : 'PASSWORD')}"/>
  <c:set var="usernameValue" value="${not empty param.username ? param.username : (empty connection ? '' : connection.username().orElse(''))}"/>
  <c:set var="schemeValue" value="${not empty param.passwordScheme ? param.passwordScheme : (empty connection or empty connection.passwordScheme().orElse(null) ? 'BASIC' : connection.passwordScheme().get().name())}"/>
  <c:set var="tenantValue" value="${not empty param.tenant ? param.tenant : (ewsConnected ? connection.oauthTenant().orElse('') : '')}"/>
  <c:set var="clientIdValue" value="${not empty param.clientId ? param.clientId : (ewsConnected ? connection.oauthClientId().orElse('') : '')}"/>
  <c:set var="tokenUrlValue" value="${not empty param.tokenUrl ? param.tokenUrl : (ewsConnected ? connection.oauthTokenUrl().orElse('') : '')}"/>
  <c:set var="graphTenantValue" value="${not empty param.graphTenant ? param.graphTenant : (graphConnected ? connection.oauthTenant().orElse('') : '')}"/>
  <c:set var="graphClientIdValue" value="${not empty param.graphClientId ? param.graphClientId : (graphConnected ? connection.oauthClientId().orElse('') : '')}"/>
  <c:set var="graphModeValue" value="${not empty param.graphMode ? param.graphMode : 'CENTRAL'}"/>
  <c:set var="graphCredentialValue" value="${not empty param.graphCredential ? param.graphCredential : (graphConnected and not connection.usesCertificate() ? 'SECRET' : 'CERTIFICATE_FILE')}"/>
  <form id="connection-form" method="post" action="${base}/connection" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="${csrf}">
    <label for="serviceMailbox">Dedicated mailbox (SMTP address)</label>
    <input type="text" id="serviceMailbox" name="serviceMailbox" value="<c:out value='${mailboxValue}'/>">
    <span class="error" data-field="serviceMailbox"><c:out value="${errors.serviceMailbox}"/></span>
    <label for="protocol">Protocol</label>
    <select id="protocol" name="protocol">
      <option value="EWS" ${protocolValue == 'EWS' ? 'selected' : ''}>EWS (Exchange Server on-premises): the fields under EWS</option>
      <option value="GRAPH" ${protocolValue == 'GRAPH' ? 'selected' : ''}>Microsoft Graph (Exchange Online): the fields under Microsoft Graph</option>
    </select>
    <fieldset id="ews-fields">
      <legend>EWS</legend>
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
    </fieldset>
    <fieldset id="graph-fields">
      <legend>Microsoft Graph</legend>
      <label for="graphTenant">Tenant (its id, or a domain of it such as contoso.onmicrosoft.com)</label>
      <input type="text" id="graphTenant" name="graphTenant" value="<c:out value='${graphTenantValue}'/>">
      <span class="error" data-field="graphTenant"><c:out value="${errors.graphTenant}"/></span>
      <label for="graphClientId">Application (client) id of the app registration</label>
      <input type="text" id="graphClientId" name="graphClientId" value="<c:out value='${graphClientIdValue}'/>">
      <span class="error" data-field="graphClientId"><c:out value="${errors.graphClientId}"/></span>
      <label for="graphMode">How the app reaches users' calendars</label>
      <select id="graphMode" name="graphMode">
        <option value="CENTRAL" ${graphModeValue == 'CENTRAL' ? 'selected' : ''}>Central: the app itself (app-only), scoped by RBAC for Applications to the booking users and the dedicated mailbox</option>
      </select>
      <span class="error" data-field="graphMode"><c:out value="${errors.graphMode}"/></span>
      <fieldset id="graph-central">
        <legend>Central mode: how the app proves itself to Entra ID</legend>
        <label for="graphCredential">Credential (a certificate is preferred: secrets end within two years)</label>
        <select id="graphCredential" name="graphCredential">
          <option value="CERTIFICATE_FILE" ${graphCredentialValue == 'CERTIFICATE_FILE' ? 'selected' : ''}>Certificate: a .pfx file with its private key</option>
          <option value="CERTIFICATE_PEM" ${graphCredentialValue == 'CERTIFICATE_PEM' ? 'selected' : ''}>Certificate: PEM text (private key and certificate)</option>
          <option value="SECRET" ${graphCredentialValue == 'SECRET' ? 'selected' : ''}>Client secret, with the date it expires</option>
        </select>
        <label for="graphCertificateFile">Certificate file (.pfx, PKCS#12)</label>
        <input type="file" id="graphCertificateFile" name="graphCertificateFile" accept=".pfx,.p12,application/x-pkcs12">
        <span class="error" data-field="graphCertificateFile"><c:out value="${errors.graphCertificateFile}"/></span>
        <label for="graphCertificatePassword">Its password (empty if it has none)</label>
        <input type="password" id="graphCertificatePassword" name="graphCertificatePassword" autocomplete="off">
        <label for="graphCertificatePem">Or PEM text: -----BEGIN PRIVATE KEY----- ... then -----BEGIN CERTIFICATE----- ...</label>
        <textarea id="graphCertificatePem" name="graphCertificatePem" rows="4" cols="64" autocomplete="off"></textarea>
        <span class="error" data-field="graphCertificatePem"><c:out value="${errors.graphCertificatePem}"/></span>
        <label for="graphClientSecret">Client secret (its value)</label>
        <input type="password" id="graphClientSecret" name="graphClientSecret" autocomplete="new-password">
        <span class="error" data-field="graphClientSecret"><c:out value="${errors.graphClientSecret}"/></span>
        <label for="graphSecretExpires">The secret expires on (as Entra ID shows it; you are warned <c:out value="${warningDays}"/> days before)</label>
        <input type="date" id="graphSecretExpires" name="graphSecretExpires" value="<c:out value='${param.graphSecretExpires}'/>">
        <span class="error" data-field="graphSecretExpires"><c:out value="${errors.graphSecretExpires}"/></span>
      </fieldset>
      <%-- Another Graph mode adds its option above and its own fieldset here, beside the central one. --%>
    </fieldset>
    <label><input type="checkbox" name="force" ${param.force == 'on' ? 'checked' : ''}> Save without testing against Exchange</label>
    <%-- Save comes first: Enter in any field submits with the form's first button. --%>
    <button id="save-connection" type="submit" name="action" value="save">Test and save</button>
    <button id="discover" type="submit" name="action" value="discover">Find the EWS URL (Autodiscover)</button>
  </form>
</section>
<%@ include file="_graph-mailbox-sign-in.jspf" %>
<%@ include file="_footer.jspf" %>

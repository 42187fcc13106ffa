<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Admins" scope="request"/>
<c:set var="currentPage" value="admins" scope="request"/>
<%@ include file="_header.jspf" %>
<section>
  <h2>Admins of this account</h2>
  <p class="muted">They sign in to these pages and see this account only.</p>
  <span class="error" data-field="admins"><c:out value="${errors.admins}"/></span>
  <div class="table-box">
  <table id="admins">
    <tr><th>User name</th><th>Added</th><th class="actions"></th></tr>
    <c:forEach var="admin" items="${admins}">
      <tr data-admin="<c:out value='${admin.username()}'/>">
        <td><c:out value="${admin.username()}"/><c:if test="${admin.username() == me.username()}"> <span class="muted">(you)</span></c:if></td>
        <td><a:time at="${admin.createdAt()}"/></td>
        <td class="actions">
          <form class="remove-admin inline" method="post" action="${base}/admins">
            <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="username" value="<c:out value='${admin.username()}'/>">
            <button type="submit" name="action" value="remove">Remove</button>
          </form>
        </td>
      </tr>
    </c:forEach>
  </table>
  </div>
</section>
<section>
  <h2>Add an admin</h2>
  <form id="add-admin" method="post" action="${base}/admins">
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="action" value="add">
    <label for="username">User name</label>
    <input type="text" id="username" name="username" autocomplete="off" value="<c:out value='${param.action == "add" ? param.username : ""}'/>">
    <span class="error" data-field="username"><c:out value="${errors.username}"/></span>
    <label for="password">Their first password (at least 12 characters; give it to them in person)</label>
    <input type="password" id="password" name="password" autocomplete="new-password">
    <button id="add-admin-submit" type="submit">Add admin</button>
  </form>
</section>
<c:if test="${ownAccount}">
<section>
  <h2>Your password</h2>
  <form id="change-password" method="post" action="${base}/admins">
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="action" value="password">
    <label for="currentPassword">Current password</label>
    <input type="password" id="currentPassword" name="currentPassword" autocomplete="current-password">
    <span class="error" data-field="currentPassword"><c:out value="${errors.currentPassword}"/></span>
    <label for="newPassword">New password (at least 12 characters)</label>
    <input type="password" id="newPassword" name="newPassword" autocomplete="new-password">
    <span class="error" data-field="newPassword"><c:out value="${errors.newPassword}"/></span>
    <label for="repeatPassword">New password again</label>
    <input type="password" id="repeatPassword" name="repeatPassword" autocomplete="new-password">
    <span class="error" data-field="repeatPassword"><c:out value="${errors.repeatPassword}"/></span>
    <button id="change-password-submit" type="submit">Change my password</button>
  </form>
</section>
</c:if>
<%@ include file="_footer.jspf" %>

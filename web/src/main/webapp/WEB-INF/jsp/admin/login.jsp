<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Sign in" scope="request"/>
<%@ include file="_header.jspf" %>
<section class="narrow">
  <h2>Sign in</h2>
  <c:if test="${not empty error}"><span class="error" data-field="signin"><c:out value="${error}"/></span></c:if>
  <form id="signin" method="post" action="${pageContext.request.contextPath}/admin/login">
    <input type="hidden" name="csrf" value="${csrf}">
    <label for="username">User name</label>
    <input type="text" id="username" name="username" autocomplete="username" value="<c:out value='${param.username}'/>" required>
    <label for="password">Password</label>
    <input type="password" id="password" name="password" autocomplete="current-password" required>
    <button id="signin-submit" type="submit">Sign in</button>
  </form>
</section>
<%@ include file="_footer.jspf" %>

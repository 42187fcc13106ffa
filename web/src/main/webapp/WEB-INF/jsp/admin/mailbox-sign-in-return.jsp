<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- Entra ID's answer arrived without the session cookie (SameSite=Strict): this page, from this site,
     sends the browser on to finish the sign-in in the admin's session. No script: the pages forbid it.
     No session here either: a new one would replace the admin's session cookie in the browser. --%>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="refresh" content="0;url=<c:out value='${finishUrl}'/>">
  <title>Finishing the sign-in · Exchange corporate connection</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/admin-static/admin.css">
</head>
<body>
<main>
  <p>Finishing the dedicated mailbox's sign-in… If nothing happens, <a id="finish-sign-in" href="<c:out value='${finishUrl}'/>">continue here</a>.</p>
</main>
</body>
</html>

<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="at" required="true" type="java.lang.Object" %>
<%@ attribute name="age" type="java.lang.Boolean" description="also say how long ago (or how soon)" %>
<%@ attribute name="none" description="what to show when there is no time" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="f" uri="urn:corpconnect:admin" %>
<%-- To the minute in UTC as sent; times.js rewrites the text into the reader's zone. --%>
<c:set var="iso" value="${f:iso(at)}"/>
<c:choose>
  <c:when test="${empty iso}"><c:out value="${none}"/></c:when>
  <c:when test="${age}"><time datetime="${iso}" data-age="true">${f:minute(at)}</time> <span class="age">(<c:out value="${f:ago(at)}"/>)</span></c:when>
  <c:otherwise><time datetime="${iso}">${f:minute(at)}</time></c:otherwise>
</c:choose>

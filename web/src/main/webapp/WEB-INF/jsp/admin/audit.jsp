<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Audit log" scope="request"/>
<c:set var="currentPage" value="audit" scope="request"/>
<%@ include file="_header.jspf" %>
<section>
  <h2>Audit log</h2>
  <div class="table-box">
  <table id="audit">
    <tr><th>When</th><th>Who</th><th>What</th><th>Outcome</th><th>Detail</th></tr>
    <c:forEach var="e" items="${entries}">
      <tr><td class="when"><a:time at="${e.at()}"/></td><td><c:out value="${e.actor()}"/></td><td><c:out value="${e.action()}"/></td>
        <td class="status"><c:out value="${e.outcome()}"/></td><td class="long"><c:out value="${e.detail().orElse('')}"/></td></tr>
    </c:forEach>
  </table>
  </div>
</section>
<%@ include file="_footer.jspf" %>

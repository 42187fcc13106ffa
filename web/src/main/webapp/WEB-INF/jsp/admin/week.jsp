<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Week" scope="request"/>
<c:set var="currentPage" value="users" scope="request"/>
<%@ include file="_header.jspf" %>
<section>
  <h2>Week of a user, as availability sees it</h2>
  <form id="choose-week" method="get" action="${base}/week">
    <div class="fields">
      <div><label for="user">User</label>
        <select id="user" name="user">
          <c:forEach var="u" items="${users}">
            <option value="<c:out value='${u.address().value()}'/>" ${u.address().value() == param.user ? 'selected' : ''}><c:out value="${u.displayName()}"/> (<c:out value="${u.address().value()}"/>)</option>
          </c:forEach>
        </select>
        <span class="error" data-field="user"><c:out value="${errors.user}"/></span></div>
      <div><label for="from">A day of the week</label>
        <input type="date" id="from" name="from" value="<c:out value='${empty week ? param.from : week.monday()}'/>">
        <span class="error" data-field="from"><c:out value="${errors.from}"/></span></div>
      <div><button id="show-week" type="submit">Show</button></div>
    </div>
  </form>
</section>
<c:if test="${not empty week}">
<c:url var="previousWeek" value="week"><c:param name="user" value="${user.address().value()}"/><c:param name="from" value="${week.previous()}"/></c:url>
<c:url var="nextWeek" value="week"><c:param name="user" value="${user.address().value()}"/><c:param name="from" value="${week.next()}"/></c:url>
<section id="week" data-user="<c:out value='${user.address().value()}'/>" data-monday="${week.monday()}">
  <h2><c:out value="${user.displayName()}"/>: week of <c:out value="${week.days()[0].name()}"/></h2>
  <p class="week-nav"><a id="previous-week" href="${previousWeek}">← Previous week</a>
    <a id="next-week" href="${nextWeek}">Next week →</a></p>
  <p>Times in the user's zone, <strong><c:out value="${week.zone()}"/></strong>. Busy time read
    <a:time at="${user.refreshedAt()}" age="true" none="never"/>;
    <c:choose>
      <c:when test="${seen.readability().readable()}"><span id="week-readable" class="status status-OK">availability offers this user</span>.</c:when>
      <c:otherwise><span id="week-readable" class="status status-FAILED">availability offers nothing of this user now</span>:
        <c:out value="${seen.readability().problem().orElse('')}"/></c:otherwise>
    </c:choose></p>
  <svg id="week-chart" class="week-chart" viewBox="0 0 ${week.width()} ${week.viewHeight()}" role="img"
       aria-label="Busy time and bookings, Monday to Sunday">
    <defs>
      <pattern id="unread-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect class="unread-bg" width="6" height="6"/><line class="unread-line" x1="0" y1="0" x2="0" y2="6"/>
      </pattern>
    </defs>
    <c:forEach var="h" items="${week.hours()}">
      <line class="hour-line" x1="${week.gutter() - 4}" x2="${week.width()}" y1="${week.hourY(h)}" y2="${week.hourY(h)}"/>
      <text class="hour-label" x="${week.gutter() - 8}" y="${week.hourY(h) + 4}" text-anchor="end">${h < 10 ? '0' : ''}${h}:00</text>
    </c:forEach>
    <c:forEach var="day" items="${week.days()}">
      <g class="day" data-date="${day.date()}">
        <text class="day-name" x="${day.x() + week.dayWidth() / 2}" y="${week.header() - 14}" text-anchor="middle"><c:out value="${day.name()}"/></text>
        <line class="day-line" x1="${day.x()}" x2="${day.x()}" y1="${week.header()}" y2="${week.height()}"/>
        <c:if test="${day.working().isPresent()}"><c:set var="w" value="${day.working().get()}"/>
          <rect class="working" x="${w.x()}" y="${w.y()}" width="${w.width()}" height="${w.height()}"><title>Working hours</title></rect></c:if>
        <c:if test="${day.unread().isPresent()}"><c:set var="u" value="${day.unread().get()}"/>
          <rect class="unread" fill="url(#unread-hatch)" x="${u.x()}" y="${u.y()}" width="${u.width()}" height="${u.height()}"><title>Not read: before the last refresh's window</title></rect></c:if>
        <c:forEach var="b" items="${day.blocks()}">
          <c:set var="item" value="${week.items()[b.item()]}"/>
          <rect class="block kind-${b.kind()} ${b.blocking() ? 'blocking' : 'not-blocking'}" data-item="${b.item()}"
                x="${b.x()}" y="${b.y()}" width="${b.width()}" height="${b.height()}" rx="2"><title><c:out value="${b.label()}: ${item.from()} – ${item.to()} ${item.title()}"/></title></rect>
          <c:if test="${b.height() >= 12 and b.width() >= 30}"><text class="block-label" x="${b.x() + 3}" y="${b.y() + 10}"><c:out value="${b.label()}"/></text></c:if>
        </c:forEach>
      </g>
    </c:forEach>
    <c:if test="${week.nowY().isPresent()}">
      <line class="now-line" x1="${week.nowX().get()}" x2="${week.nowX().get() + week.dayWidth()}" y1="${week.nowY().get()}" y2="${week.nowY().get()}"><title>Now</title></line>
    </c:if>
  </svg>
  <ul class="legend">
    <li><span class="swatch kind-BUSY blocking"></span>Busy</li>
    <li><span class="swatch kind-TENTATIVE blocking"></span>Tentative</li>
    <li><span class="swatch kind-OOF blocking"></span>Away (OOF)</li>
    <li><span class="swatch kind-WORKING_ELSEWHERE blocking"></span>Working elsewhere</li>
    <li><span class="swatch kind-BOOKING blocking"></span>Booking holding the slot</li>
    <li><span class="swatch not-blocking"></span>Does not block in this account</li>
    <li><span class="swatch working"></span>Working hours</li>
    <li><span class="swatch unread"></span>Not read</li>
  </ul>
</section>
<section>
  <h2>This week's busy time and bookings</h2>
  <div class="table-box">
  <table id="week-items">
    <tr><th>From</th><th>To</th><th>What</th><th>Takes a slot</th></tr>
    <c:forEach var="item" items="${week.items()}" varStatus="s">
      <tr data-item="${s.index}" data-kind="${item.kind()}" data-start="${item.start()}" data-end="${item.end()}">
        <td><c:out value="${item.from()}"/></td><td><c:out value="${item.to()}"/></td>
        <td class="kind-name">${item.kind() == 'BOOKING' ? 'Booking: ' : item.kind()}<c:out value="${item.title()}"/></td>
        <td>${item.blocking() ? 'yes' : 'no'}</td></tr>
    </c:forEach>
  </table>
  </div>
  <c:if test="${empty week.items()}"><p class="muted">Nothing stored for this week.</p></c:if>
</section>
</c:if>
<%@ include file="_footer.jspf" %>

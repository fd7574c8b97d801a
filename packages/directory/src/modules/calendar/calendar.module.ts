import { directoryModule } from '../directory-module.js';
import { calendarRoutes } from './calendar.routes.js';
import { CalendarFeedEntity } from './calendar-feed.entity.js';
import { CalendarFeedResolver } from './calendar-feed.resolver.js';

/** Calendar feeds of activities (iCalendar) and the personal feeds' secret URLs. */
export const calendarModule = directoryModule({
  id: 'calendar',
  entities: [CalendarFeedEntity],
  resolvers: [CalendarFeedResolver],
  routes: calendarRoutes,
});

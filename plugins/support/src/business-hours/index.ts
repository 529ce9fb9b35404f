export {
  type BusinessCalendar,
  type CalendarError,
  type WorkingInterval,
  defaultCalendar,
  validateCalendar,
} from './calendar.ts';
export {
  addBusinessHours,
  addBusinessMinutes,
  addBusinessMs,
  businessMinutesBetween,
  businessMsBetween,
  isBusinessTime,
  nextBusinessInstant,
} from './engine.ts';
export { formatBusinessDuration } from './format.ts';
export {
  type OptionalHolidayKey,
  type OptionalHolidayKind,
  OPTIONAL_HOLIDAY_KEYS,
} from './holiday-kinds.ts';
export { type HolidayClosure, holidayClosuresOn, isDayOff, listOptionalHolidayKinds } from './holidays.ts';

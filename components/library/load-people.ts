import type { PeopleData } from './people-data';

/** The People views' Dexie module, loaded on first use (never in front of the first paint). */
export function loadPeopleData(): Promise<PeopleData> {
  return import('./people-data').then((module) => module.peopleData);
}

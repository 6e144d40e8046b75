/** Lower-case particles inside a person's name that belong to the surname ("von der Leyen", "da Silva", "bin Salman"). */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(
  'von van der den de la le du da di del della bin ibn'.split(' '),
);

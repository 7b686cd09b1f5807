// Who is calling: the signed-in person as the domain sees them, whatever issued their token.
import type { Role } from './types';

export interface Principal {
  /** Stable id of the account (the token's subject). */
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  /** The agency an official or admin acts for. */
  readonly agencyId?: string;
  /** A business's tax code. */
  readonly taxCode?: string;
}

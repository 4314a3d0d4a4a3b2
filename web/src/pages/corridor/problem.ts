import { ApiError } from '../../api/client';

/** The text to show for a failed call: the server's own words, or that it could not be reached. */
export function problemText(error: unknown, unreachable: string): string {
  return error instanceof ApiError && error.code !== 'network' && error.status < 500 ? error.message : unreachable;
}

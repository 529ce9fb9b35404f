/** An issue located by JSON pointer; `at` says whether to point at the member's key or at the value. */
export interface PointerIssue {
  key: string;
  message: string;
  pointer: string;
  at: 'key' | 'value';
}

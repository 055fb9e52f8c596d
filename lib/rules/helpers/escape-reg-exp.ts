/** Escapes text for use inside a RegExp (a container or image name in a line search). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

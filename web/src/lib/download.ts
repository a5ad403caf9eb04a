/** Makes the browser save `text` as a file named `filename`. */
export function saveAsFile(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only holds the blob in memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Turns a name into a file name part, such as "acme-ltd" for "Acme Ltd". */
export function fileSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-");
  return slug || "assessment";
}

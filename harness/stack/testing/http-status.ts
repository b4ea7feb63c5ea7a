/** For tests: GET url's status (the body is dropped). */
export async function httpStatus(url: string): Promise<number> {
  const response = await fetch(url);
  await response.body?.cancel();
  return response.status;
}

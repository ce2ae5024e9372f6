// Any unknown URL: a real 404 rendered by the root error boundary, in the person's language.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

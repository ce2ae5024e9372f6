// The bare app's one page: a loader's 20 items rendered as a list, the smallest page shaped like
// ours (data from a loader, a list of links), for the bench's comparison (tests/bench/http.ts).
import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

const ITEMS = Array.from({ length: 20 }, (_, i) => ({
  id: i + 1,
  title: `Stay and play ${i + 1}`,
  place: `Family Hub ${(i % 5) + 1}`,
  when: `Tuesday ${9 + (i % 4)}:30am`,
}));

export const meta: MetaFunction = () => [{ title: "Sessions near you" }];

export function loader() {
  return json({ items: ITEMS });
}

export default function Index() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Sessions near you</h1>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/?item=${item.id}`}>{item.title}</Link>
            <p>
              {item.place}, {item.when}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}

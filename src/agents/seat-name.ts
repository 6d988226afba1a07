// How a seat is named to people: "Player 1", or "X (player 0)" where the game's
// own name for the seat does not already say it.

export function seatName(name: string, player: number): string {
  return name.toLowerCase() === `player ${player}` ? name : `${name} (player ${player})`;
}
